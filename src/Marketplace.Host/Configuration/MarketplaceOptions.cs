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

    /// <summary>The seed catalog folder; by default the copy beside the binary or catalog/ of a checkout.</summary>
    public string? CatalogPath { get; set; }

    public SeedSettings Seed { get; set; } = new();

    public DemoSettings Demo { get; set; } = new();

    /// <summary>Demo users are on by default in embedded mode only.</summary>
    public bool DemoEnabled => Demo.Enabled ?? Mode == HostingMode.Embedded;

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

public sealed class SeedSettings
{
    /// <summary>Apply the seed catalog at start (skipped when unchanged since the last start).</summary>
    public bool Enabled { get; set; } = true;
}

public sealed class DemoSettings
{
    /// <summary>Create the demo users of the README; default: on in embedded mode, off in cluster mode.</summary>
    public bool? Enabled { get; set; }
}
