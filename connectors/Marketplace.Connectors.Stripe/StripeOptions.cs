namespace Marketplace.Connectors.Stripe;

/// <summary>Stripe settings (Marketplace:Stripe): keys come from configuration and are never logged.</summary>
public sealed class StripeOptions
{
    public const string Section = "Marketplace:Stripe";

    /// <summary>The endpoint's signing secret ("whsec_…"); webhooks are refused without it.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>How old a signed delivery may be; Stripe's own default is 300 s.</summary>
    public int ToleranceSeconds { get; set; } = 300;
}
