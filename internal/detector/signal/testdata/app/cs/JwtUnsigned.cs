using System.IdentityModel.Tokens.Jwt;
using Microsoft.IdentityModel.Tokens;

namespace Shop;

public static class JwtUnsigned
{
    // Unsigned tokens allowed outright.
    public static TokenValidationParameters Unsigned(SecurityKey key) => new TokenValidationParameters
    {
        RequireSignedTokens = false, // want: weakness jwt-unverified
    };
}
