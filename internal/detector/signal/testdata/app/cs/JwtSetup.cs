using System.IdentityModel.Tokens.Jwt;
using Microsoft.IdentityModel.Tokens;

namespace Shop;

public static class JwtSetup
{
    // A custom signature check that lets alg none through unverified.
    public static TokenValidationParameters Loose(SecurityKey key, JwtSecurityTokenHandler handler) => new TokenValidationParameters
    {
        ValidateIssuerSigningKey = false,
        IssuerSigningKey = key,
        SignatureValidator = (token, parameters) =>
        {
            var jwt = new JwtSecurityToken(token);
            if (jwt.SignatureAlgorithm is SecurityAlgorithms.None) // want: weakness jwt-unverified
            {
                return jwt;
            }
            handler.ValidateToken(token, Strict(key), out var validated);
            return validated;
        }
    };

    // Lookalikes: the key's own checks off (the signature is still
    // verified with IssuerSigningKey), and a validator refusing none.
    public static TokenValidationParameters Strict(SecurityKey key) => new TokenValidationParameters
    {
        ValidateIssuerSigningKey = true,
        IssuerSigningKey = key,
        ValidAlgorithms = new[] { SecurityAlgorithms.HmacSha256 },
    };

    public static TokenValidationParameters KeyUnchecked(SecurityKey key) => new TokenValidationParameters
    {
        ValidateIssuerSigningKey = false,
        IssuerSigningKey = key,
        SignatureValidator = (token, parameters) =>
        {
            var jwt = new JwtSecurityToken(token);
            if (jwt.SignatureAlgorithm is SecurityAlgorithms.None)
            {
                return null;
            }
            return new JwtSecurityTokenHandler().ValidateToken(token, parameters, out var validated) is null ? null : validated;
        }
    };
}
