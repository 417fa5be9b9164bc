using Marketplace.Domain.Listings;

namespace Marketplace.Domain.Tests.ListingRules;

public sealed class ListingLifecycleTests
{
    private static readonly HashSet<(ListingStatus, ListingAction, ListingStatus)> Expected =
    [
        (ListingStatus.Draft, ListingAction.Edit, ListingStatus.Draft),
        (ListingStatus.Draft, ListingAction.Submit, ListingStatus.InReview),
        (ListingStatus.InReview, ListingAction.Withdraw, ListingStatus.Draft),
        (ListingStatus.InReview, ListingAction.Approve, ListingStatus.Published),
        (ListingStatus.InReview, ListingAction.Reject, ListingStatus.Rejected),
        (ListingStatus.Rejected, ListingAction.Edit, ListingStatus.Draft),
        (ListingStatus.Published, ListingAction.Edit, ListingStatus.Draft),
        (ListingStatus.Published, ListingAction.Deprecate, ListingStatus.Deprecated),
    ];

    public static TheoryData<ListingStatus, ListingAction> EveryPair()
    {
        var data = new TheoryData<ListingStatus, ListingAction>();
        foreach (var status in Enum.GetValues<ListingStatus>())
        {
            foreach (var action in Enum.GetValues<ListingAction>())
            {
                data.Add(status, action);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Allows_exactly_the_listed_transitions_and_refuses_every_other_with_a_reason(ListingStatus from, ListingAction action)
    {
        var transition = ListingLifecycle.Apply(from, action);
        var expected = Expected.Where(t => t.Item1 == from && t.Item2 == action).ToList();

        if (expected.Count == 1)
        {
            Assert.True(transition.Allowed);
            Assert.Equal(expected[0].Item3, transition.To);
        }
        else
        {
            Assert.False(transition.Allowed);
            Assert.False(string.IsNullOrWhiteSpace(transition.Refusal));
        }
    }

    [Fact]
    public void The_published_transition_table_is_the_expected_one() =>
        Assert.Equal(Expected, ListingLifecycle.Transitions.ToHashSet());

    [Theory]
    [InlineData(ListingStatus.Deprecated)]
    [InlineData(ListingStatus.Superseded)]
    public void Retired_versions_never_change(ListingStatus retired) =>
        Assert.All(Enum.GetValues<ListingAction>(), action => Assert.False(ListingLifecycle.Apply(retired, action).Allowed));
}
