using System.Net;
using System.Text;
using Marketplace.Connectors.Stripe;

namespace Marketplace.Connectors.Tests.Stripe;

/// <summary>
/// The client-side limiter in front of Stripe's HTTP client, fed tokens by hand: what passes, what
/// waits and what a token releases are exact, with no clock involved; and the bucket it is built with.
/// </summary>
public sealed class StripeRateLimiterTests
{
    private sealed class CountingTransport : HttpMessageHandler
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            const string account = """{"id":"acct_1","object":"account","charges_enabled":false,"payouts_enabled":false,"details_submitted":false}""";
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(account, Encoding.UTF8, "application/json") });
        }
    }

    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30); // only so that a bug fails instead of hanging

    private static readonly Uri Charges = new("http://stripe.test/v1/charges");

    [Fact]
    public async Task Requests_past_the_rate_wait_in_line_until_a_token_returns()
    {
        var transport = new CountingTransport();
        var reads = new HandFedLimiter(2);
        using var http = new HttpClient(new StripeRateLimiter(reads, new HandFedLimiter(2)) { InnerHandler = transport });

        await http.GetAsync(Charges);
        await http.GetAsync(Charges);
        var third = http.GetAsync(Charges);
        var fourth = http.GetAsync(Charges);

        Assert.Equal((2, 2), (transport.Count, reads.Waiting));
        reads.Add(1);
        await third.WaitAsync(Guard);
        Assert.Equal((3, 1), (transport.Count, reads.Waiting));
        Assert.False(fourth.IsCompleted);
        reads.Add(1);
        await fourth.WaitAsync(Guard);
        Assert.Equal((4, 0), (transport.Count, reads.Waiting));
    }

    [Fact]
    public async Task Reads_and_writes_are_counted_in_separate_buckets()
    {
        var transport = new CountingTransport();
        var reads = new HandFedLimiter(1);
        using var http = new HttpClient(new StripeRateLimiter(reads, new HandFedLimiter(1)) { InnerHandler = transport });

        await http.GetAsync(Charges);
        var secondRead = http.GetAsync(Charges);
        using var content = new StringContent("");
        await http.PostAsync(new Uri("http://stripe.test/v1/transfers"), content).WaitAsync(Guard);

        Assert.False(secondRead.IsCompleted);
        Assert.Equal((2, 1), (transport.Count, reads.Waiting));
    }

    [Fact]
    public async Task A_waiting_request_leaves_the_line_when_its_caller_cancels()
    {
        var transport = new CountingTransport();
        var reads = new HandFedLimiter(1);
        using var http = new HttpClient(new StripeRateLimiter(reads, new HandFedLimiter(1)) { InnerHandler = transport });
        using var cancel = new CancellationTokenSource();

        await http.GetAsync(Charges);
        var waiting = http.GetAsync(Charges, cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Guard));
        reads.Add(1);
        Assert.Equal(1, reads.GetStatistics().CurrentAvailablePermits); // the token was not spent on the cancelled request
        Assert.Equal(1, transport.Count);
    }

    [Fact]
    public async Task Stripe_calls_through_the_gateway_wait_for_the_limiter()
    {
        var transport = new CountingTransport();
        var reads = new HandFedLimiter(1);
        using var gateway = new StripeGateway(new StripeOptions { SecretKey = "sk_test_marketplace", ApiBase = "http://stripe.test" }, transport, reads, new HandFedLimiter(1));
        var connect = new StripeConnect(gateway);

        await connect.GetStatusAsync("acct_1", CancellationToken.None);
        var second = connect.GetStatusAsync("acct_1", CancellationToken.None);

        Assert.Equal((1, 1), (transport.Count, reads.Waiting));
        reads.Add(1);
        Assert.Equal("acct_1", (await second.WaitAsync(Guard)).AccountId);
        Assert.Equal(2, transport.Count);
    }

    [Fact]
    public async Task A_bucket_for_a_rate_lets_that_many_through_at_once_and_queues_the_next_rather_than_refusing_it()
    {
        using var limiter = StripeRateLimiter.PerSecond(20);

        Assert.Equal(20, limiter.GetStatistics()!.CurrentAvailablePermits);
        for (var i = 0; i < 20; i++)
        {
            using var lease = limiter.AttemptAcquire();
            Assert.True(lease.IsAcquired);
        }
        using var queued = await limiter.AcquireAsync().AsTask().WaitAsync(Guard); // refills at 20 a second
        Assert.True(queued.IsAcquired);
    }

    [Theory]
    [InlineData("sk_test_abc", null, 25)]
    [InlineData("rk_test_abc", null, 25)]
    [InlineData("sk_live_abc", null, 90)]
    [InlineData("sk_live_abc", 40, 40)]
    [InlineData("sk_test_abc", 5, 5)]
    public void The_rate_defaults_under_stripe_limits_for_the_key_mode_unless_configured(string key, int? configured, int expected) =>
        Assert.Equal(expected, new StripeOptions { SecretKey = key, RequestsPerSecond = configured }.ResolveRequestsPerSecond());

    [Fact]
    public void A_rate_of_zero_is_a_configuration_error() =>
        Assert.Throws<InvalidOperationException>(() => new StripeOptions { SecretKey = "sk_test_abc", RequestsPerSecond = 0 }.ResolveRequestsPerSecond());
}
