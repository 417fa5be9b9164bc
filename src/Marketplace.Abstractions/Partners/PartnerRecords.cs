using Marketplace.Domain.Common;
using Marketplace.Domain.Partners;

namespace Marketplace.Abstractions.Partners;

/// <summary>A partner application and its history, as its owner and operators see it.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.PartnerSnapshot")]
public sealed record PartnerSnapshot
{
    [Id(0)] public required string OrganizationId { get; init; }
    [Id(1)] public required string Name { get; init; }
    [Id(2)] public required PartnerStatus Status { get; init; }
    [Id(3)] public PartnerProfile? Profile { get; init; }
    [Id(4)] public AgreementAcceptance? Agreement { get; init; }
    [Id(5)] public IReadOnlyList<PartnerDocument> Documents { get; init; } = [];
    [Id(6)] public PayoutAccount? PayoutAccount { get; init; }
    [Id(7)] public IReadOnlyList<AuditEntry> Audit { get; init; } = [];
    [Id(8)] public IReadOnlyList<string> ListingIds { get; init; } = [];

    /// <summary>What is still needed before submission; empty when it can be submitted.</summary>
    [Id(9)] public IReadOnlyList<string> MissingForSubmission { get; init; } = [];
    [Id(10)] public DateTimeOffset? SubmittedAt { get; init; }
    [Id(11)] public string? LastDecisionReason { get; init; }
}

/// <summary>One row of the operator's partner list and review queue.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.PartnerSummary")]
public sealed record PartnerSummary(
    [property: Id(0)] string OrganizationId,
    [property: Id(1)] string Name,
    [property: Id(2)] PartnerStatus Status,
    [property: Id(3)] IReadOnlyList<PartnerKind> Kinds,
    [property: Id(4)] string? Country,
    [property: Id(5)] DateTimeOffset? SubmittedAt);
