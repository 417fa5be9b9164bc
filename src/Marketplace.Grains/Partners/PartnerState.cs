using Marketplace.Domain.Common;
using Marketplace.Domain.Partners;

namespace Marketplace.Grains.Partners;

[GenerateSerializer, Alias("Marketplace.PartnerState")]
public sealed class PartnerState
{
    [Id(0)] public PartnerStatus Status { get; set; } = PartnerStatus.Draft;
    [Id(1)] public PartnerProfile? Profile { get; set; }
    [Id(2)] public AgreementAcceptance? Agreement { get; set; }
    [Id(3)] public List<PartnerDocument> Documents { get; set; } = [];
    [Id(4)] public PayoutAccount? PayoutAccount { get; set; }
    [Id(5)] public List<AuditEntry> Audit { get; set; } = [];
    [Id(6)] public List<string> ListingIds { get; set; } = [];
    [Id(7)] public DateTimeOffset? SubmittedAt { get; set; }
    [Id(8)] public string? LastDecisionReason { get; set; }
}
