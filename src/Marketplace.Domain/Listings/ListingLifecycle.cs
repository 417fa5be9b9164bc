using Marketplace.Domain.Common;

namespace Marketplace.Domain.Listings;

/// <summary>
/// The listing version state machine: Draft → InReview → Published → Deprecated;
/// InReview → Rejected → (edit) Draft; InReview → (withdraw) Draft. Editing a published listing
/// opens a new draft version instead of changing the published one. Every other pair is refused.
/// </summary>
public static class ListingLifecycle
{
    private static readonly Dictionary<(ListingStatus, ListingAction), ListingStatus> Allowed = new()
    {
        [(ListingStatus.Draft, ListingAction.Edit)] = ListingStatus.Draft,
        [(ListingStatus.Draft, ListingAction.Submit)] = ListingStatus.InReview,
        [(ListingStatus.InReview, ListingAction.Withdraw)] = ListingStatus.Draft,
        [(ListingStatus.InReview, ListingAction.Approve)] = ListingStatus.Published,
        [(ListingStatus.InReview, ListingAction.Reject)] = ListingStatus.Rejected,
        [(ListingStatus.Rejected, ListingAction.Edit)] = ListingStatus.Draft,
        // Editing a published version leaves it as it is and opens a new draft version.
        [(ListingStatus.Published, ListingAction.Edit)] = ListingStatus.Draft,
        [(ListingStatus.Published, ListingAction.Deprecate)] = ListingStatus.Deprecated,
    };

    public static IEnumerable<(ListingStatus From, ListingAction Action, ListingStatus To)> Transitions =>
        Allowed.Select(t => (t.Key.Item1, t.Key.Item2, t.Value));

    public static Transition<ListingStatus> Apply(ListingStatus from, ListingAction action) =>
        Allowed.TryGetValue((from, action), out var to)
            ? Transition<ListingStatus>.Allow(to)
            : Transition<ListingStatus>.Refused(Explain(from, action));

    private static string Explain(ListingStatus from, ListingAction action) => (from, action) switch
    {
        (ListingStatus.InReview, ListingAction.Edit) => "The listing is in review; withdraw it to change it.",
        (ListingStatus.Deprecated or ListingStatus.Superseded, _) => $"A {from.ToString().ToLowerInvariant()} version cannot change.",
        (_, ListingAction.Submit) => $"Only a draft can be submitted; this version is {from}.",
        (_, ListingAction.Withdraw) => $"Only a version in review can be withdrawn; this one is {from}.",
        (_, ListingAction.Approve or ListingAction.Reject) => $"Only a version in review can be approved or rejected; this one is {from}.",
        (_, ListingAction.Deprecate) => $"Only a published listing can be deprecated; this one is {from}.",
        _ => $"A {from} version cannot {action.ToString().ToLowerInvariant()}.",
    };
}
