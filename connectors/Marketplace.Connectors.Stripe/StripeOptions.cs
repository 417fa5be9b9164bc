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
}
