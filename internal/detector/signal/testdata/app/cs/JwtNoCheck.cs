using System.IdentityModel.Tokens.Jwt;
using Microsoft.IdentityModel.Tokens;

namespace Shop;

public static class JwtNoCheck
{
    // A signature validator that parses the token and checks nothing.
    public static TokenValidationParameters NoCheck(SecurityKey key) => new TokenValidationParameters
    {
        SignatureValidator = (token, _) => new JwtSecurityToken(token), // want: weakness jwt-unverified
    };
}
