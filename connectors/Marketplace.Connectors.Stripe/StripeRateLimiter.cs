using System.Threading.RateLimiting;

namespace Marketplace.Connectors.Stripe;

/// <summary>
/// Keeps the process under Stripe's rate limits before Stripe has to refuse: every request takes a
/// token first, from the read bucket (GET) or the write bucket (everything else), as Stripe counts them
/// separately. A request without a token waits in line (oldest first) instead of failing; cancelling the
/// caller's token takes it out of the line. Sits in front of the HttpClient that Stripe.net uses, so
/// Stripe.net's own retries queue too.
/// </summary>
public sealed class StripeRateLimiter(RateLimiter reads, RateLimiter writes) : DelegatingHandler
{
    /// <summary>
    /// A bucket holding at most one second's worth of tokens and refilled one token at a time: in any
    /// interval of t seconds it lets through at most rate·(1 + t) + 1 requests, which stays under Stripe's
    /// own bucket (100·(1 + t) in live mode) at the default rate of 90.
    /// </summary>
    public static TokenBucketRateLimiter PerSecond(int requestsPerSecond)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(requestsPerSecond);
        return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = requestsPerSecond,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromTicks(TimeSpan.TicksPerSecond / requestsPerSecond),
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var limiter = request.Method == HttpMethod.Get || request.Method == HttpMethod.Head ? reads : writes;
        using var lease = await limiter.AcquireAsync(1, cancellationToken);
        if (!lease.IsAcquired)
        {
            // Only when the queue itself is full (int.MaxValue waiting) or the limiter was disposed.
            throw new HttpRequestException("The Stripe client-side rate limiter refused the request.");
        }
        return await base.SendAsync(request, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            reads.Dispose();
            writes.Dispose();
        }
        base.Dispose(disposing);
    }
}
