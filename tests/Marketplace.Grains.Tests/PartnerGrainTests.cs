using Marketplace.Abstractions.Errors;
using Marketplace.Abstractions.Organizations;
using Marketplace.Abstractions.Partners;
using Marketplace.Domain.Organizations;
using Marketplace.Domain.Partners;

namespace Marketplace.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class PartnerGrainTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task Submitting_an_incomplete_application_is_refused_and_lists_what_is_missing()
    {
        var partner = await Grains.NewPartnerAsync();

        var refused = await Assert.ThrowsAsync<ConflictException>(() => partner.SubmitAsync("owner"));

        Assert.Equal("partner.incomplete", refused.Code);
        Assert.Equal(3, refused.Details.Count);
        Assert.Equal(PartnerStatus.Draft, (await partner.GetAsync()).Status);
    }

    [Fact]
    public async Task The_whole_journey_is_audited_with_who_and_why()
    {
        var partner = await Grains.SubmittedPartnerAsync();
        await partner.RejectAsync("Tax id does not match the registry.", "operator ana");
        await partner.UpdateProfileAsync(Builders.Profile with { TaxId = "DE987654321" }, "owner bob");
        await partner.SubmitAsync("owner bob");
        await partner.VerifyAsync("Checked against the registry.", "operator ana");
        await partner.SuspendAsync("Unpaid invoices.", "operator ana");
        var snapshot = await partner.ReinstateAsync(null, "operator ana");

        Assert.Equal(PartnerStatus.Verified, snapshot.Status);
        var transitions = snapshot.Audit.Where(a => a.From != a.To).Select(a => (a.Action, a.From, a.To, a.Actor, a.Reason)).ToList();
        Assert.Equal(
            [
                ("submitted", "Draft", "Submitted", "owner", null),
                ("rejected", "Submitted", "Rejected", "operator ana", "Tax id does not match the registry."),
                ("profile.updated", "Rejected", "Draft", "owner bob", null),
                ("submitted", "Draft", "Submitted", "owner bob", null),
                ("verified", "Submitted", "Verified", "operator ana", "Checked against the registry."),
                ("suspended", "Verified", "Suspended", "operator ana", "Unpaid invoices."),
                ("reinstated", "Suspended", "Verified", "operator ana", null),
            ],
            transitions);
        Assert.All(snapshot.Audit, a => Assert.Equal(fixture.Time.GetUtcNow(), a.At));
    }

    public static TheoryData<string, string> RefusedActions => new()
    {
        { "Draft", "verify" }, { "Draft", "reject" }, { "Draft", "suspend" }, { "Draft", "reinstate" },
        { "Submitted", "edit" }, { "Submitted", "submit" }, { "Submitted", "suspend" }, { "Submitted", "reinstate" },
        { "Verified", "edit" }, { "Verified", "submit" }, { "Verified", "verify" }, { "Verified", "reject" }, { "Verified", "reinstate" },
        { "Rejected", "submit" }, { "Rejected", "verify" }, { "Rejected", "reject" }, { "Rejected", "suspend" }, { "Rejected", "reinstate" },
        { "Suspended", "edit" }, { "Suspended", "submit" }, { "Suspended", "verify" }, { "Suspended", "reject" }, { "Suspended", "suspend" },
    };

    [Theory]
    [MemberData(nameof(RefusedActions))]
    public async Task An_action_the_status_does_not_allow_is_a_conflict_that_changes_nothing(string status, string action)
    {
        var partner = await PartnerInAsync(Enum.Parse<PartnerStatus>(status));
        var before = await partner.GetAsync();

        var refused = await Assert.ThrowsAsync<ConflictException>(() => action switch
        {
            "edit" => partner.UpdateProfileAsync(Builders.Profile with { LegalName = "Changed" }, "x"),
            "submit" => partner.SubmitAsync("x"),
            "verify" => partner.VerifyAsync(null, "x"),
            "reject" => partner.RejectAsync("no", "x"),
            "suspend" => partner.SuspendAsync("no", "x"),
            _ => partner.ReinstateAsync(null, "x"),
        });

        Assert.Equal("partner.invalid_transition", refused.Code);
        var after = await partner.GetAsync();
        Assert.Equal(before.Status, after.Status);
        Assert.Equal(before.Audit.Count, after.Audit.Count);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(before.Profile), System.Text.Json.JsonSerializer.Serialize(after.Profile));
    }

    [Fact]
    public async Task A_customer_organisation_is_not_a_partner()
    {
        var id = Marketplace.Domain.Common.Identifiers.New("org");
        await Grains.GetGrain<IOrganizationGrain>(id).CreateAsync("Buyer", OrganizationType.Customer);

        await Assert.ThrowsAsync<NotFoundException>(() => Grains.GetGrain<IPartnerGrain>(id).GetAsync());
    }

    [Fact]
    public async Task A_new_partner_appears_in_the_operators_directory_as_a_draft()
    {
        var partner = await Grains.NewPartnerAsync("Directory Test Ltd");

        var listed = (await Grains.GetGrain<IPartnerDirectoryGrain>(0).ListAsync()).Single(p => p.OrganizationId == partner.GetPrimaryKeyString());

        Assert.Equal(PartnerStatus.Draft, listed.Status);
        Assert.Equal("Directory Test Ltd", listed.Name);
    }

    private async Task<IPartnerGrain> PartnerInAsync(PartnerStatus status)
    {
        switch (status)
        {
            case PartnerStatus.Draft:
                var draft = await Grains.NewPartnerAsync();
                await draft.UpdateProfileAsync(Builders.Profile, "owner");
                return draft;
            case PartnerStatus.Submitted:
                return await Grains.SubmittedPartnerAsync();
            case PartnerStatus.Verified:
                return await Grains.VerifiedPartnerAsync();
            case PartnerStatus.Rejected:
                var rejected = await Grains.SubmittedPartnerAsync();
                await rejected.RejectAsync("no", "operator");
                return rejected;
            default:
                var suspended = await Grains.VerifiedPartnerAsync();
                await suspended.SuspendAsync("no", "operator");
                return suspended;
        }
    }
}
