using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.Tokens;

namespace Shelf;

public static class Auth
{
    // The token key written in the code: anyone who reads it forges tokens.
    public static SigningCredentials Inline()
    {
        var key = new SymmetricSecurityKey("n0tes-jwt-h4mac-k3y-written-in"u8.ToArray()); // want: secret hardcoded-signing-key
        return new SigningCredentials(key, SecurityAlgorithms.HmacSha256);
    }

    public static SymmetricSecurityKey Encoded() =>
        new SymmetricSecurityKey(Encoding.UTF8.GetBytes("n0tes-jwt-encod3d-k3y-in-code")); // want: secret hardcoded-signing-key

    // The key read from configuration: nothing is written here.
    public static SymmetricSecurityKey FromSettings(IConfiguration settings) =>
        new SymmetricSecurityKey(Encoding.UTF8.GetBytes(settings["Jwt:Key"]!));
}
