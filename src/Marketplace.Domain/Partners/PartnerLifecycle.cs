using Marketplace.Domain.Common;

namespace Marketplace.Domain.Partners;

/// <summary>
/// The partner verification state machine:
/// Draft → Submitted → Verified ⇄ Suspended, Submitted → Rejected → (edit) Draft → Submitted.
/// Every pair not listed is refused.
/// </summary>
public static class PartnerLifecycle
{
    private static readonly Dictionary<(PartnerStatus, PartnerAction), PartnerStatus> Allowed = new()
    {
        [(PartnerStatus.Draft, PartnerAction.Edit)] = PartnerStatus.Draft,
        [(PartnerStatus.Draft, PartnerAction.Submit)] = PartnerStatus.Submitted,
        [(PartnerStatus.Submitted, PartnerAction.Verify)] = PartnerStatus.Verified,
        [(PartnerStatus.Submitted, PartnerAction.Reject)] = PartnerStatus.Rejected,
        [(PartnerStatus.Rejected, PartnerAction.Edit)] = PartnerStatus.Draft,
        [(PartnerStatus.Verified, PartnerAction.Suspend)] = PartnerStatus.Suspended,
        [(PartnerStatus.Suspended, PartnerAction.Reinstate)] = PartnerStatus.Verified,
    };

    public static IEnumerable<(PartnerStatus From, PartnerAction Action, PartnerStatus To)> Transitions =>
        Allowed.Select(t => (t.Key.Item1, t.Key.Item2, t.Value));

    public static Transition<PartnerStatus> Apply(PartnerStatus from, PartnerAction action) =>
        Allowed.TryGetValue((from, action), out var to)
            ? Transition<PartnerStatus>.Allow(to)
            : Transition<PartnerStatus>.Refused(Explain(from, action));

    private static string Explain(PartnerStatus from, PartnerAction action) => (from, action) switch
    {
        (PartnerStatus.Submitted, PartnerAction.Edit) => "The application is under review; it can be changed again if it is rejected.",
        (PartnerStatus.Verified or PartnerStatus.Suspended, PartnerAction.Edit) => "A verified partner's profile is locked; ask the operator to change it.",
        (PartnerStatus.Submitted, PartnerAction.Submit) => "The application is already submitted.",
        (PartnerStatus.Rejected, PartnerAction.Submit) => "A rejected application must be changed before it is submitted again.",
        (PartnerStatus.Verified, PartnerAction.Verify) => "The partner is already verified.",
        (_, PartnerAction.Verify or PartnerAction.Reject) => $"Only a submitted application can be verified or rejected; this one is {from}.",
        (_, PartnerAction.Suspend) => $"Only a verified partner can be suspended; this one is {from}.",
        (_, PartnerAction.Reinstate) => $"Only a suspended partner can be reinstated; this one is {from}.",
        _ => $"A partner that is {from} cannot {action.ToString().ToLowerInvariant()}.",
    };
}
