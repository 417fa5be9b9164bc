using Marketplace.Domain.Listings;
using Marketplace.Domain.Partners;

namespace Marketplace.Domain.Catalog;

/// <summary>The seed catalog as read from its files: fictional partners, industries and real-world listings.</summary>
public sealed record SeedCatalog(
    IReadOnlyList<SeedPartner> Partners,
    IReadOnlyList<Industry> Industries,
    IReadOnlyList<SeedListing> Listings);

/// <summary>A seed partner; <see cref="OrganizationId"/> is stable ("org_" + file id) so reloading finds it again.</summary>
public sealed record SeedPartner(string Id, string OrganizationId, string Name, PartnerProfile Profile);

/// <summary>A seed listing; <see cref="ListingId"/> is stable ("lst_" + file id).</summary>
public sealed record SeedListing(string Id, string ListingId, string PartnerOrganizationId, ListingContent Content, string SourceFile)
{
    /// <summary>A model file shipped with the platform (e.g. "all-minilm-l6-v2"), attached so buyers can try the model.</summary>
    public string? BuiltInArtifact { get; init; }
}

/// <summary>Every problem found in the seed files, each as "path:line: message". Nothing is applied.</summary>
public sealed class SeedCatalogException(IReadOnlyList<string> errors)
    : Exception("The seed catalog is invalid:\n" + string.Join("\n", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}

public static class SeedIds
{
    public static string Organization(string partnerId) => "org_" + partnerId;

    public static string Listing(string fileId) => "lst_" + fileId;
}
