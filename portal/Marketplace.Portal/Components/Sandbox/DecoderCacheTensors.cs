using System.Text.RegularExpressions;

namespace Marketplace.Portal.Components.Sandbox;

/// <summary>
/// A decoder's per-layer KV-cache tensors as the validator accepts them (past_key_values.{i}.key|value
/// in, present.{i}.key|value out), so the artifact report can fold two tensors per layer each way into one line.
/// </summary>
public static partial class DecoderCacheTensors
{
    /// <summary>"past_key_values" or "present" for a cache tensor's name, else null.</summary>
    public static string? CacheName(string tensorName) =>
        CacheTensor().Match(tensorName) is { Success: true } match ? match.Groups[1].Value : null;

    [GeneratedRegex(@"^(past_key_values|present)\.\d{1,6}\.(key|value)$", RegexOptions.CultureInvariant)]
    private static partial Regex CacheTensor();
}
