namespace Marketplace.Domain.Listings;

/// <summary>What a listing offers.</summary>
public enum ListingKind
{
    Model,
    Integrator,
    Hardware,
}

/// <summary>Where a model may run for the customer.</summary>
public enum DeploymentOption
{
    /// <summary>Hosted by the platform or a cloud partner.</summary>
    Cloud,

    /// <summary>On the customer's own hardware (on-premise).</summary>
    Private,
}
