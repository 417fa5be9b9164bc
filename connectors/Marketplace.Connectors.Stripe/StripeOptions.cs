namespace Marketplace.Connectors.Stripe;

/// <summary>Stripe settings (Marketplace:Stripe): keys come from configuration and are never logged.</summary>
public sealed class StripeOptions
{
    public const string Section = "Marketplace:Stripe";

    /// <summary>The endpoint's signing secret ("whsec_…"); webhooks are refused without it.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>The secret API key ("sk_…"); card payments are off without it.</summary>
    public string? SecretKey { get; set; }

    /// <summary>Where the API is; only tests and stand-ins change it.</summary>
    public string? ApiBase { get; set; }

    /// <summary>How old a signed delivery may be; Stripe's own default is 300 s.</summary>
    public int ToleranceSeconds { get; set; } = 300;

    /// <summary>
    /// Requests per second the client allows itself, for reads and for writes each; null picks a default
    /// under Stripe's limits (live mode 100 reads + 100 writes per second, test mode 25 each).
    /// </summary>
    public int? RequestsPerSecond { get; set; }

    /// <summary>The configured rate, or 25 with a test key and 90 otherwise (a margin under live mode's 100).</summary>
    public int ResolveRequestsPerSecond() => RequestsPerSecond switch
    {
        null => IsTestKey(SecretKey) ? 25 : 90,
        > 0 => RequestsPerSecond.Value,
        _ => throw new InvalidOperationException($"{Section}:RequestsPerSecond must be positive."),
    };

    private static bool IsTestKey(string? key) =>
        key is not null && (key.StartsWith("sk_test_", StringComparison.Ordinal) || key.StartsWith("rk_test_", StringComparison.Ordinal));
}
