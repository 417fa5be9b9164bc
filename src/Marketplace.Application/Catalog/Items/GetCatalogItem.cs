using Marketplace.Abstractions.Errors;
using Marketplace.Abstractions.Listings;
using Marketplace.Application.Common.Security;
using Marketplace.Domain.Common;
using Marketplace.Domain.Listings;
using Mediator;

namespace Marketplace.Application.Catalog.Items;

/// <summary>A published listing as buyers see it.</summary>
public sealed record GetCatalogItem(string Id) : IQuery<CatalogItem>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Anyone;
}

public sealed record CatalogItem(
    string Id,
    ListingKind Kind,
    string Name,
    string PartnerId,
    string PartnerName,
    string Summary,
    string Version,
    DateTimeOffset PublishedAt,
    ListingContent Content);

public sealed class GetCatalogItemHandler(IGrainFactory grains) : IQueryHandler<GetCatalogItem, CatalogItem>
{
    public async ValueTask<CatalogItem> Handle(GetCatalogItem query, CancellationToken cancellationToken) =>
        await grains.PublishedItemAsync(query.Id) ?? throw new NotFoundException("Catalog item", query.Id);
}

public static class CatalogItems
{
    /// <summary>The published, visible listing, or null (drafts, hidden and unknown ids look alike).</summary>
    public static async Task<CatalogItem?> PublishedItemAsync(this IGrainFactory grains, string id)
    {
        if (!Identifiers.LooksLike(id, "lst"))
        {
            return null;
        }
        var published = await grains.GetGrain<IListingGrain>(id).GetPublishedAsync();
        return published is null ? null : new CatalogItem(
            published.Id, published.Content.Kind, published.Content.Name, published.PartnerId, published.PartnerName,
            published.Content.Summary, published.Version, published.PublishedAt, published.Content);
    }
}
