namespace Marketplace.Application.Common.Security;

/// <summary>Answers "which organisation owns this?" for rules that depend on the object.</summary>
public interface IResourceOwners
{
    /// <summary>The partner organisation owning the listing, or null when there is no such listing.</summary>
    ValueTask<string?> ListingOwnerAsync(string listingId);

    /// <summary>The customer organisation a quote was made for, or null when there is no such quote.</summary>
    ValueTask<string?> QuoteOwnerAsync(string quoteId);

    /// <summary>The customer organisation of an order, or null when there is no such order.</summary>
    ValueTask<string?> OrderOwnerAsync(string orderId);

    /// <summary>The customer organisation an invoice was issued to, or null when there is no such invoice.</summary>
    ValueTask<string?> InvoiceOwnerAsync(string invoiceId);
}
