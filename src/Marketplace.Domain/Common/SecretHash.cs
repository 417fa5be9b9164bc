using System.Security.Cryptography;
using System.Text;

namespace Marketplace.Domain.Common;

/// <summary>
/// API keys are high-entropy random secrets, so a plain SHA-256 is a safe way to store them:
/// there is nothing to brute-force, unlike a password (which gets PBKDF2 through Identity).
/// </summary>
public static class SecretHash
{
    public static string Sha256Hex(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static string NewApiKeySecret()
    {
        Span<byte> bytes = stackalloc byte[32];
        RandomNumberGenerator.Fill(bytes);
        return "mk_" + Base64Url(bytes);
    }

    private static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
