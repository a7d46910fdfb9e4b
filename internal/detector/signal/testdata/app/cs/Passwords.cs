using System;
using System.Security.Cryptography;
using System.Text;

namespace Shop;

public static class Passwords
{
    public static string Hash(string password)
    {
        using var md5 = MD5.Create();
        var hash = md5.ComputeHash(Encoding.UTF8.GetBytes(password)); // want: weakness weak-password-hash
        return Convert.ToHexString(hash);
    }

    public static string Legacy(string password, string salt) =>
        Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(salt + password))); // want: weakness weak-password-hash

    // Lookalikes: a checksum of a file, a reset link's token from random bytes, a
    // password stretched with PBKDF2.
    public static string Checksum(byte[] fileBytes) => Convert.ToHexString(MD5.HashData(fileBytes));

    public static string ResetToken() => Convert.ToHexString(RandomNumberGenerator.GetBytes(32));

    public static byte[] Stretch(string password, byte[] salt) =>
        Rfc2898DeriveBytes.Pbkdf2(password, salt, 600000, HashAlgorithmName.SHA256, 32);
}
