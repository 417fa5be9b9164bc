using System.Threading.RateLimiting;

namespace Marketplace.Connectors.Tests.Stripe;

/// <summary>
/// A rate limiter whose tokens arrive only when a test hands them out. .NET's token bucket refills by
/// elapsed time even when replenished by hand, so it cannot say exactly what one refill releases.
/// </summary>
internal sealed class HandFedLimiter(int tokens) : RateLimiter
{
    private readonly Lock _lock = new();
    private readonly Queue<TaskCompletionSource<RateLimitLease>> _waiting = new();
    private int _tokens = tokens;

    public override TimeSpan? IdleDuration => null;

    public int Waiting
    {
        get
        {
            lock (_lock)
            {
                return _waiting.Count(w => !w.Task.IsCompleted);
            }
        }
    }

    /// <summary>Gives tokens to whoever waits longest, then keeps the rest.</summary>
    public void Add(int count)
    {
        lock (_lock)
        {
            _tokens += count;
            while (_tokens > 0 && _waiting.TryDequeue(out var waiter))
            {
                if (waiter.TrySetResult(Lease.Granted))
                {
                    _tokens--;
                }
            }
        }
    }

    public override RateLimiterStatistics GetStatistics()
    {
        lock (_lock)
        {
            return new RateLimiterStatistics { CurrentAvailablePermits = _tokens };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (_lock)
        {
            if (_tokens < permitCount)
            {
                return Lease.Refused;
            }
            _tokens -= permitCount;
            return Lease.Granted;
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_tokens >= permitCount && _waiting.Count == 0)
            {
                _tokens -= permitCount;
                return ValueTask.FromResult<RateLimitLease>(Lease.Granted);
            }
            var waiter = new TaskCompletionSource<RateLimitLease>(TaskCreationOptions.RunContinuationsAsynchronously);
            cancellationToken.Register(() => waiter.TrySetCanceled(cancellationToken));
            _waiting.Enqueue(waiter);
            return new ValueTask<RateLimitLease>(waiter.Task);
        }
    }

    private sealed class Lease(bool acquired) : RateLimitLease
    {
        public static readonly Lease Granted = new(true);
        public static readonly Lease Refused = new(false);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
