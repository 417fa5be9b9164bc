using Marketplace.Domain.Common;
using Marketplace.Domain.Listings;

namespace Marketplace.Abstractions.Listings;

/// <summary>A listing with every version and its history, for its partner and operators.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.ListingSnapshot")]
public sealed record ListingSnapshot
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string PartnerId { get; init; }
    [Id(2)] public required ListingKind Kind { get; init; }

    /// <summary>The status of the working (latest) version.</summary>
    [Id(3)] public required ListingStatus Status { get; init; }
    [Id(4)] public required ListingVersion Current { get; init; }

    /// <summary>The version buyers see, if any.</summary>
    [Id(5)] public ListingVersion? Published { get; init; }
    [Id(6)] public IReadOnlyList<ListingVersion> Versions { get; init; } = [];
    [Id(7)] public IReadOnlyList<AuditEntry> Audit { get; init; } = [];
    [Id(8)] public DateTimeOffset CreatedAt { get; init; }

    /// <summary>False while the partner is suspended: the listing is hidden from buyers.</summary>
    [Id(9)] public bool Visible { get; init; } = true;
}

/// <summary>A published listing as buyers see it.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.PublishedListing")]
public sealed record PublishedListing
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string PartnerId { get; init; }
    [Id(2)] public required string PartnerName { get; init; }
    [Id(3)] public required string Version { get; init; }
    [Id(4)] public required ListingContent Content { get; init; }
    [Id(5)] public required DateTimeOffset PublishedAt { get; init; }
}

/// <summary>One row of the operator's listing review queue.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.ListingReviewItem")]
public sealed record ListingReviewItem(
    [property: Id(0)] string ListingId,
    [property: Id(1)] string PartnerId,
    [property: Id(2)] string Name,
    [property: Id(3)] ListingKind Kind,
    [property: Id(4)] string Version,
    [property: Id(5)] DateTimeOffset SubmittedAt,
    [property: Id(6)] int FailedWarnings);
