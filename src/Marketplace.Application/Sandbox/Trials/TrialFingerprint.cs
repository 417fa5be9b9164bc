using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Marketplace.Domain.Sandbox;

namespace Marketplace.Application.Sandbox.Trials;

/// <summary>
/// What a trial runs, as a hash: the model version and every input value. A request that reuses an
/// idempotency key is a retry only when its fingerprint is the same.
/// </summary>
internal static class TrialFingerprint
{
    public static string Of(SandboxModel model, TrialInput input)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, model.ListingId);
        Append(hash, model.Version);
        foreach (var text in input.Texts ?? [])
        {
            Append(hash, text);
        }
        if (input.Image is { } image)
        {
            hash.AppendData(image);
        }
        Span<byte> number = stackalloc byte[8];
        foreach (var tensor in input.Tensors ?? [])
        {
            Append(hash, tensor.Name);
            foreach (var dimension in tensor.Shape)
            {
                BinaryPrimitives.WriteInt64LittleEndian(number, dimension);
                hash.AppendData(number);
            }
            foreach (var value in tensor.Data)
            {
                BinaryPrimitives.WriteDoubleLittleEndian(number, value);
                hash.AppendData(number);
            }
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Length-prefixed, so ["ab","c"] and ["a","bc"] differ.</summary>
    private static void Append(IncrementalHash hash, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, bytes.Length);
        hash.AppendData(length);
        hash.AppendData(bytes);
    }
}
