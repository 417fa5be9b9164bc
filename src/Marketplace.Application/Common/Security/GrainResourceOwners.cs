using Marketplace.Abstractions.Billing;
using Marketplace.Abstractions.Listings;
using Marketplace.Abstractions.Solutions;
using Marketplace.Domain.Common;

namespace Marketplace.Application.Common.Security;

internal sealed class GrainResourceOwners(IGrainFactory grains) : IResourceOwners
{
    public async ValueTask<string?> ListingOwnerAsync(string listingId) =>
        Identifiers.LooksLike(listingId, "lst")
            ? (await grains.GetGrain<IListingGrain>(listingId).GetAsync())?.PartnerId
            : null;

    public async ValueTask<string?> QuoteOwnerAsync(string quoteId) =>
        Identifiers.LooksLike(quoteId, "qte")
            ? (await grains.GetGrain<IQuoteGrain>(quoteId).GetAsync())?.OrganizationId
            : null;

    public async ValueTask<string?> OrderOwnerAsync(string orderId) =>
        Identifiers.LooksLike(orderId, "ord")
            ? (await grains.GetGrain<IOrderGrain>(orderId).GetAsync())?.OrganizationId
            : null;

    public async ValueTask<string?> InvoiceOwnerAsync(string invoiceId) =>
        Identifiers.LooksLike(invoiceId, "inv")
            ? (await grains.GetGrain<IInvoiceGrain>(invoiceId).GetAsync())?.OrganizationId
            : null;
}
