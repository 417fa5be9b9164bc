using System.Collections.Concurrent;
using Marketplace.Abstractions.Identity;

namespace Marketplace.Application.ApiKeys;

/// <summary>
/// Who each API key speaks for, as its grain last said, kept for at most <see cref="MaxAge"/>: a
/// busy client's requests skip the grain call, and a revoked (or unknown) key is refused on every
/// silo within that second (on the silo that revoked it, at once).
/// </summary>
public sealed class ApiKeyCache(IGrainFactory grains, TimeProvider time)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    /// <summary>Keys remembered at most; beyond it the memory starts over (a flood of invalid keys cannot grow it).</summary>
    private const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, (long At, ApiKeyIdentity? Identity)> _byHash = new(StringComparer.Ordinal);

    public async ValueTask<ApiKeyIdentity?> AuthenticateAsync(string keyHash)
    {
        var now = time.GetTimestamp();
        if (_byHash.TryGetValue(keyHash, out var known) && time.GetElapsedTime(known.At, now) < MaxAge)
        {
            return known.Identity;
        }
        var identity = await grains.GetGrain<IApiKeyGrain>(keyHash).AuthenticateAsync();
        if (_byHash.Count >= Capacity)
        {
            _byHash.Clear();
        }
        _byHash[keyHash] = (now, identity);
        return identity;
    }

    /// <summary>A key revoked through this silo stops working here at once.</summary>
    public void Forget(string keyId)
    {
        foreach (var (hash, known) in _byHash)
        {
            if (known.Identity?.KeyId == keyId)
            {
                _byHash.TryRemove(hash, out _);
            }
        }
    }
}
