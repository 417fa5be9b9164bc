using Marketplace.Domain.Common;
using Marketplace.Domain.Listings;

namespace Marketplace.Grains.Listings;

[GenerateSerializer, Alias("Marketplace.ListingState")]
public sealed class ListingState
{
    [Id(0)] public string? PartnerId { get; set; }
    [Id(1)] public ListingKind Kind { get; set; }
    [Id(2)] public DateTimeOffset CreatedAt { get; set; }
    [Id(3)] public List<ListingVersion> Versions { get; set; } = [];
    [Id(4)] public List<AuditEntry> Audit { get; set; } = [];
    [Id(5)] public bool Hidden { get; set; }

    public bool Exists => PartnerId is not null;

    public ListingVersion Current => Versions[^1];

    public ListingVersion? Published => Versions.LastOrDefault(v => v.Status == ListingStatus.Published);
}
