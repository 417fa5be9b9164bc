namespace Marketplace.Domain.Partners;

/// <summary>Who the partner is, as it declares itself for verification.</summary>
public sealed record PartnerProfile
{
    public required string LegalName { get; init; }

    /// <summary>ISO 3166-1 alpha-2.</summary>
    public required string Country { get; init; }

    public required string TaxId { get; init; }

    public required string Website { get; init; }

    public required string ContactEmail { get; init; }

    public string? ContactPhone { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<PartnerKind> Kinds { get; init; } = [];
}

/// <summary>A compliance document the partner uploaded (certificate of incorporation, tax form, …).</summary>
public sealed record PartnerDocument(
    string Id,
    string FileName,
    string ContentType,
    long SizeBytes,
    string Sha256,
    string Kind,
    DateTimeOffset UploadedAt);

/// <summary>Acceptance of one version of the partner agreement.</summary>
public sealed record AgreementAcceptance(string Version, DateTimeOffset AcceptedAt, string AcceptedBy);

/// <summary>
/// Where a partner's share is paid: by bank transfer (only a masked reference is kept) or to a
/// Stripe Connect Express account (its id, and the gateway-hosted onboarding page to finish it).
/// </summary>
public sealed record PayoutAccount(
    string Provider,
    string AccountHolder,
    string MaskedReference,
    string Currency,
    string Status,
    DateTimeOffset LinkedAt,
    string? OnboardingUrl = null);

/// <summary>The partner agreement every partner accepts before submitting.</summary>
public static class PartnerAgreement
{
    public const string CurrentVersion = "2026-11";

    public const string Title = "Marketplace partner agreement";

    public const string Text =
        """
        1. You list only offerings you have the right to sell, with accurate specifications, prices and licences.
        2. Model artifacts you upload are scanned and run in isolated sandboxes; you grant the marketplace the right to run them for customer trials and benchmarks.
        3. Customers pay the marketplace once for a joint solution; your share is recorded in the ledger and paid out to your payout account when the customer pays.
        4. You keep customer data you receive confidential and use it only to deliver the solution.
        5. The operator may suspend listings or your account for inaccurate information or breaches, with reasons given.
        """;
}
