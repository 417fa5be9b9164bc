using System.Security.Cryptography;

namespace Marketplace.Domain.Common;

/// <summary>
/// Prefixed random identifiers ("org_…", "key_…"): the prefix tells a reader what an id names,
/// the 20 random bytes make ids unguessable across tenants.
/// </summary>
public static class Identifiers
{
    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

    public static string New(string prefix)
    {
        Span<byte> bytes = stackalloc byte[15];
        RandomNumberGenerator.Fill(bytes);
        return prefix + "_" + Base32(bytes);
    }

    /// <summary>
    /// True when the text could be an id with that prefix: a cheap check that keeps garbage out of
    /// grain keys and storage look-ups (seed data may use readable ids such as "org_operator").
    /// </summary>
    public static bool LooksLike(string? value, string prefix) =>
        value is not null
        && value.Length > prefix.Length + 1
        && value.Length <= 64
        && value.StartsWith(prefix + "_", StringComparison.Ordinal)
        && value.AsSpan(prefix.Length + 1).ContainsAnyExcept(IdCharacters) is false;

    private static readonly System.Buffers.SearchValues<char> IdCharacters =
        System.Buffers.SearchValues.Create("0123456789abcdefghijklmnopqrstuvwxyz-");

    private static string Base32(ReadOnlySpan<byte> bytes)
    {
        var chars = new char[bytes.Length * 8 / 5];
        int buffer = 0, bits = 0, index = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                chars[index++] = Alphabet[(buffer >> (bits - 5)) & 31];
                bits -= 5;
            }
        }
        return new string(chars, 0, index);
    }
}
