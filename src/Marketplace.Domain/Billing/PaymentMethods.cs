namespace Marketplace.Domain.Billing;

/// <summary>
/// How money reaches the marketplace, and the gateway-clearing account each method books it through
/// (<see cref="Account.GatewayClearing"/> owner "offline", "stripe").
/// </summary>
public static class PaymentMethods
{
    /// <summary>A bank transfer an operator records with its reference.</summary>
    public const string Offline = "Offline";

    /// <summary>A card payment Stripe's webhook reports.</summary>
    public const string Stripe = "Stripe";

    /// <summary>What an operator may record by hand; Stripe payments arrive through its webhook instead.</summary>
    public static IReadOnlyList<string> Recordable { get; } = [Offline];

    /// <summary>The owner of the gateway-clearing account a method's money passes through.</summary>
    public static string GatewayOf(string method) => method.ToLowerInvariant();
}
