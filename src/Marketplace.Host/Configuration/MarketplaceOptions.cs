namespace Marketplace.Host.Configuration;

public enum HostingMode
{
    /// <summary>One process, SQLite and files under the data folder: nothing to set up.</summary>
    Embedded,

    /// <summary>Many processes as one Orleans cluster on Redis (membership, reminders, directory) and PostgreSQL (state).</summary>
    Cluster,
}

/// <summary>The "Marketplace" configuration section.</summary>
public sealed class MarketplaceOptions
{
    public const string Section = "Marketplace";

    public HostingMode Mode { get; set; } = HostingMode.Embedded;

    /// <summary>Where embedded mode keeps its database and artifacts.</summary>
    public string DataPath { get; set; } = "./data";

    /// <summary>Content-addressed artifact files; in cluster mode a path every host shares.</summary>
    public string? ArtifactsPath { get; set; }

    public ClusterSettings Cluster { get; set; } = new();

    public BootstrapSettings Bootstrap { get; set; } = new();

    public string ResolvedArtifactsPath => ArtifactsPath ?? Path.Combine(DataPath, "artifacts");
}

public sealed class ClusterSettings
{
    public string ClusterId { get; set; } = "marketplace";

    public string ServiceId { get; set; } = "marketplace";

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos reach this one at; defaults to this machine's own address.</summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>
    /// Detect dead silos in about a second instead of about ten: for tests and small clusters on
    /// one network; large clusters keep Orleans' defaults.
    /// </summary>
    public bool FastFailureDetection { get; set; }
}

public sealed class BootstrapSettings
{
    /// <summary>When set, an operator admin key with exactly this value exists (idempotent).</summary>
    public string? AdminApiKey { get; set; }
}
