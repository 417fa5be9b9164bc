using CsCheck;
using Marketplace.Domain.Partners;

namespace Marketplace.Domain.Tests.PartnerRules;

public sealed class PartnerLifecycleTests
{
    private static readonly HashSet<(PartnerStatus, PartnerAction, PartnerStatus)> Expected =
    [
        (PartnerStatus.Draft, PartnerAction.Edit, PartnerStatus.Draft),
        (PartnerStatus.Draft, PartnerAction.Submit, PartnerStatus.Submitted),
        (PartnerStatus.Submitted, PartnerAction.Verify, PartnerStatus.Verified),
        (PartnerStatus.Submitted, PartnerAction.Reject, PartnerStatus.Rejected),
        (PartnerStatus.Rejected, PartnerAction.Edit, PartnerStatus.Draft),
        (PartnerStatus.Verified, PartnerAction.Suspend, PartnerStatus.Suspended),
        (PartnerStatus.Suspended, PartnerAction.Reinstate, PartnerStatus.Verified),
    ];

    public static TheoryData<PartnerStatus, PartnerAction> EveryPair()
    {
        var data = new TheoryData<PartnerStatus, PartnerAction>();
        foreach (var status in Enum.GetValues<PartnerStatus>())
        {
            foreach (var action in Enum.GetValues<PartnerAction>())
            {
                data.Add(status, action);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Allows_exactly_the_listed_transitions_and_refuses_every_other_with_a_reason(PartnerStatus from, PartnerAction action)
    {
        var transition = PartnerLifecycle.Apply(from, action);
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
        Assert.Equal(Expected, PartnerLifecycle.Transitions.ToHashSet());

    [Fact]
    public void Any_sequence_of_actions_only_visits_reachable_states_and_verification_needs_a_submission() =>
        Gen.Enum<PartnerAction>().Array[0, 30].Sample(actions =>
        {
            var status = PartnerStatus.Draft;
            var submittedSinceDraft = false;
            foreach (var action in actions)
            {
                var transition = PartnerLifecycle.Apply(status, action);
                if (!transition.Allowed)
                {
                    continue;
                }
                if (transition.To == PartnerStatus.Verified && status == PartnerStatus.Submitted)
                {
                    Assert.True(submittedSinceDraft);
                }
                submittedSinceDraft = transition.To == PartnerStatus.Submitted || (submittedSinceDraft && transition.To != PartnerStatus.Draft);
                status = transition.To;
            }
        });

    [Fact]
    public void Submission_requires_profile_kinds_current_agreement_and_a_document()
    {
        var profile = new PartnerProfile { LegalName = "X", Country = "DE", TaxId = "DE123", Website = "https://x.example", ContactEmail = "a@x.example", Kinds = [PartnerKind.Integrator] };
        var agreement = new AgreementAcceptance(PartnerAgreement.CurrentVersion, DateTimeOffset.UnixEpoch, "me");
        var document = new PartnerDocument("doc_1", "a.pdf", "application/pdf", 10, new string('a', 64), "tax", DateTimeOffset.UnixEpoch);

        Assert.Empty(PartnerRequirements.MissingForSubmission(profile, agreement, [document]));
        Assert.Equal(3, PartnerRequirements.MissingForSubmission(null, null, []).Count);
        Assert.Single(PartnerRequirements.MissingForSubmission(profile with { Kinds = [] }, agreement, [document]));
        Assert.Single(PartnerRequirements.MissingForSubmission(profile, agreement with { Version = "2020-01" }, [document]));
        Assert.Single(PartnerRequirements.MissingForSubmission(profile, agreement, []));
    }
}
