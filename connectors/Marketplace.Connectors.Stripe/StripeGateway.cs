using System.Runtime.CompilerServices;
using System.Threading.RateLimiting;
using Marketplace.Abstractions.Billing;
using Microsoft.Extensions.Options;
using Stripe;

namespace Marketplace.Connectors.Stripe;

/// <summary>
/// The process's one <see cref="StripeClient"/> (register this class as a singleton), behind the
/// client-side rate limiter, shared by every Stripe service here. It also turns Stripe's errors into
/// <see cref="PaymentGatewayException"/>s, so callers see a reason rather than a Stripe type, and
/// derives idempotency keys from our operation ids. The key stays inside the client; nothing here logs.
/// </summary>
public sealed class StripeGateway : IDisposable
{
    private const int IdempotencyKeyMaxLength = 255; // Stripe refuses longer keys.

    private readonly StripeClient? _client;
    private readonly HttpClient? _http;

    public StripeGateway(IOptions<StripeOptions> options)
        : this(options.Value, new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }, maxNetworkRetries: 2)
    {
    }

    /// <summary>Over a given transport (tests: a stub or a local Stripe-compatible server), limited at the configured rate.</summary>
    public StripeGateway(StripeOptions options, HttpMessageHandler transport, int maxNetworkRetries = 0)
        : this(options, transport, StripeRateLimiter.PerSecond(options.ResolveRequestsPerSecond()), StripeRateLimiter.PerSecond(options.ResolveRequestsPerSecond()), maxNetworkRetries)
    {
    }

    /// <summary>Over a given transport and given limiters (tests hand out their tokens).</summary>
    public StripeGateway(StripeOptions options, HttpMessageHandler transport, RateLimiter reads, RateLimiter writes, int maxNetworkRetries = 0)
    {
        if (string.IsNullOrWhiteSpace(options.SecretKey))
        {
            transport.Dispose();
            reads.Dispose();
            writes.Dispose();
            return;
        }
        _http = new HttpClient(new StripeRateLimiter(reads, writes) { InnerHandler = transport });
        var apiBase = options.ApiBase ?? StripeClient.DefaultApiBase;
        _client = new StripeClient(new StripeClientOptions
        {
            ApiKey = options.SecretKey,
            ApiBase = apiBase,
            // OAuth, file uploads and meter events use these; pointed at a stand-in server, nothing goes past it.
            ConnectBase = options.ApiBase ?? StripeClient.DefaultConnectBase,
            FilesBase = options.ApiBase ?? StripeClient.DefaultFilesBase,
            MeterEventsBase = options.ApiBase ?? StripeClient.DefaultMeterEventsBase,
            HttpClient = new SystemNetHttpClient(_http, maxNetworkRetries),
        });
    }

    public bool Configured => _client is not null;

    /// <summary>The client, for the services in this assembly and for tests that set up data at a stand-in server.</summary>
    public StripeClient Client => _client ?? throw new InvalidOperationException($"Stripe is not configured ({StripeOptions.Section}:SecretKey).");

    /// <summary>Request options for a POST whose retries must be the same operation at Stripe.</summary>
    public static RequestOptions Idempotent(string purpose, string operationId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operationId);
        var key = $"{purpose}:{operationId}";
        if (key.Length > IdempotencyKeyMaxLength)
        {
            throw new ArgumentException($"The operation id makes an idempotency key longer than Stripe's {IdempotencyKeyMaxLength} characters.", nameof(operationId));
        }
        return new RequestOptions { IdempotencyKey = key };
    }

    /// <summary>Stripe's timestamps are Unix seconds, UTC.</summary>
    public static DateTimeOffset Utc(DateTime stripeTime) => new(DateTime.SpecifyKind(stripeTime, DateTimeKind.Utc));

    /// <summary>Our currencies are ISO 4217 upper case; Stripe's are lower case.</summary>
    public static string StripeCurrency(string currency)
    {
        if (currency is not { Length: 3 } || !currency.All(char.IsAsciiLetter))
        {
            throw new ArgumentException($"'{currency}' is not an ISO 4217 currency code.", nameof(currency));
        }
        return currency.ToLowerInvariant();
    }

    /// <summary>Runs one call, answering a Stripe error as a <see cref="PaymentGatewayException"/>.</summary>
    public async Task<T> CallAsync<T>(Func<StripeClient, Task<T>> call)
    {
        var client = Client;
        try
        {
            return await call(client);
        }
        catch (StripeException e)
        {
            throw Translate(e);
        }
        catch (HttpRequestException e)
        {
            throw new PaymentGatewayException(GatewayFailure.Unavailable, $"Stripe could not be reached: {e.Message}", inner: e);
        }
    }

    /// <summary>Pages through a listing, answering a Stripe error on any page as a <see cref="PaymentGatewayException"/>.</summary>
    public async IAsyncEnumerable<T> ListAsync<T>(Func<StripeClient, IAsyncEnumerable<T>> list, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var pages = list(Client).GetAsyncEnumerator(cancellationToken);
        while (await CallAsync(_ => pages.MoveNextAsync().AsTask()))
        {
            yield return pages.Current;
        }
    }

    public static PaymentGatewayException Translate(StripeException e)
    {
        var status = (int)e.HttpStatusCode;
        var error = e.StripeError;
        var failure = (status, error?.Type) switch
        {
            (_, "idempotency_error") or (409, _) => GatewayFailure.Conflict,
            (402, _) or (_, "card_error") => GatewayFailure.Declined,
            (401 or 403, _) => GatewayFailure.Authentication,
            (404, _) => GatewayFailure.NotFound,
            (429, _) => GatewayFailure.RateLimited,
            (>= 500, _) or (0, _) => GatewayFailure.Unavailable,
            _ => GatewayFailure.InvalidRequest,
        };
        var code = error?.Code is { Length: > 0 } c ? $", {c}" : "";
        return new PaymentGatewayException(failure, $"Stripe refused the request ({status}{code}): {error?.Message ?? e.Message}", error?.Code, status, e);
    }

    public void Dispose() => _http?.Dispose();
}
