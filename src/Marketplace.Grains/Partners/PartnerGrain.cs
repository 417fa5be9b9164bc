using Marketplace.Abstractions.Errors;
using Marketplace.Abstractions.Listings;
using Marketplace.Abstractions.Organizations;
using Marketplace.Abstractions.Partners;
using Marketplace.Domain.Common;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Organizations;
using Marketplace.Domain.Partners;
using Microsoft.Extensions.Logging;

namespace Marketplace.Grains.Partners;

public sealed partial class PartnerGrain(
    [PersistentState("partner", StorageNames.Default)] IPersistentState<PartnerState> state,
    TimeProvider time,
    ILogger<PartnerGrain> logger) : Grain, IPartnerGrain
{
    private OrganizationSnapshot? _organization;

    private PartnerState S => state.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _organization = await GrainFactory.GetGrain<IOrganizationGrain>(this.GetPrimaryKeyString()).GetAsync();
    }

    public Task<PartnerSnapshot> GetAsync() => Task.FromResult(Snapshot());

    public Task<PartnerSnapshot> UpdateProfileAsync(PartnerProfile profile, string actor) =>
        EditAsync(actor, "profile.updated", null, () => S.Profile = profile);

    public Task<PartnerSnapshot> AcceptAgreementAsync(string version, string actor)
    {
        if (version != PartnerAgreement.CurrentVersion)
        {
            throw new ConflictException("partner.agreement_version", $"The current partner agreement is version {PartnerAgreement.CurrentVersion}, not '{version}'.");
        }
        return EditAsync(actor, "agreement.accepted", version, () => S.Agreement = new AgreementAcceptance(version, time.GetUtcNow(), actor));
    }

    public Task<PartnerSnapshot> AddDocumentAsync(PartnerDocument document, string actor) =>
        S.Status == PartnerStatus.Verified
            ? RecordAsync(actor, "document.added", document.FileName, () => S.Documents.Add(document))
            : EditAsync(actor, "document.added", document.FileName, () => S.Documents.Add(document));

    public Task<PartnerSnapshot> RemoveDocumentAsync(string documentId, string actor)
    {
        EnsurePartner();
        var document = S.Documents.Find(d => d.Id == documentId) ?? throw new NotFoundException("Document", documentId);
        return EditAsync(actor, "document.removed", document.FileName, () => S.Documents.Remove(document));
    }

    public Task<PartnerSnapshot> LinkPayoutAccountAsync(PayoutAccount account, string actor) =>
        S.Status == PartnerStatus.Verified
            ? RecordAsync(actor, "payout.linked", account.Provider, () => S.PayoutAccount = account)
            : EditAsync(actor, "payout.linked", account.Provider, () => S.PayoutAccount = account);

    public async Task<PartnerSnapshot> SubmitAsync(string actor)
    {
        EnsurePartner();
        var transition = Demand(PartnerAction.Submit);
        var missing = PartnerRequirements.MissingForSubmission(S.Profile, S.Agreement, S.Documents);
        if (missing.Count > 0)
        {
            throw new ConflictException("partner.incomplete", "The application is not complete: " + string.Join("; ", missing), missing);
        }
        S.SubmittedAt = time.GetUtcNow();
        return await MoveAsync(transition.To, actor, "submitted", null);
    }

    public Task<PartnerSnapshot> VerifyAsync(string? note, string actor) =>
        DecideAsync(PartnerAction.Verify, actor, "verified", note);

    public Task<PartnerSnapshot> RejectAsync(string reason, string actor) =>
        DecideAsync(PartnerAction.Reject, actor, "rejected", RequireReason(reason));

    public async Task<PartnerSnapshot> SuspendAsync(string reason, string actor)
    {
        var snapshot = await DecideAsync(PartnerAction.Suspend, actor, "suspended", RequireReason(reason));
        await SetListingsVisibleAsync(false, reason);
        return snapshot;
    }

    public async Task<PartnerSnapshot> ReinstateAsync(string? note, string actor)
    {
        var snapshot = await DecideAsync(PartnerAction.Reinstate, actor, "reinstated", note);
        await SetListingsVisibleAsync(true, note ?? "partner reinstated");
        return snapshot;
    }

    public async Task RegisterListingAsync(string listingId)
    {
        EnsurePartner();
        if (!S.ListingIds.Contains(listingId))
        {
            S.ListingIds.Add(listingId);
            await state.WriteStateAsync();
        }
    }

    public Task<ConflictReason?> WhyCannotSubmitAsync(ListingKind kind) => Task.FromResult(
        _organization?.Type != OrganizationType.Partner || S.Status != PartnerStatus.Verified
            ? new ConflictReason("listing.partner_not_verified", "Only a verified partner's listings can be submitted; finish onboarding and wait for verification.")
            : PartnerKinds.WhyNot(S.Profile, kind) is { } whyNot ? new ConflictReason("listing.kind_not_declared", whyNot) : null);

    private async Task<PartnerSnapshot> DecideAsync(PartnerAction action, string actor, string what, string? reason)
    {
        EnsurePartner();
        var transition = Demand(action);
        S.LastDecisionReason = reason;
        return await MoveAsync(transition.To, actor, what, reason);
    }

    /// <summary>A change of the application itself: allowed while it is a draft, and reopens a rejected one.</summary>
    private async Task<PartnerSnapshot> EditAsync(string actor, string what, string? detail, Action change)
    {
        EnsurePartner();
        var transition = Demand(PartnerAction.Edit);
        change();
        return await MoveAsync(transition.To, actor, what, detail);
    }

    /// <summary>A change that keeps the status (documents and payout details of a verified partner).</summary>
    private async Task<PartnerSnapshot> RecordAsync(string actor, string what, string? detail, Action change)
    {
        EnsurePartner();
        change();
        return await MoveAsync(S.Status, actor, what, detail);
    }

    private async Task<PartnerSnapshot> MoveAsync(PartnerStatus to, string actor, string what, string? reason)
    {
        var from = S.Status;
        S.Status = to;
        S.Audit.Add(new AuditEntry(time.GetUtcNow(), actor, what, from.ToString(), to.ToString(), reason));
        await state.WriteStateAsync();
        var snapshot = Snapshot();
        await GrainFactory.GetGrain<IPartnerDirectoryGrain>(0).UpdateAsync(
            new PartnerSummary(snapshot.OrganizationId, snapshot.Name, to, S.Profile?.Kinds ?? [], S.Profile?.Country, S.SubmittedAt));
        if (from != to)
        {
            LogMoved(snapshot.OrganizationId, from, to, actor);
        }
        return snapshot;
    }

    private Transition<PartnerStatus> Demand(PartnerAction action)
    {
        var transition = PartnerLifecycle.Apply(S.Status, action);
        return transition.Allowed
            ? transition
            : throw new ConflictException("partner.invalid_transition", transition.Refusal!);
    }

    private async Task SetListingsVisibleAsync(bool visible, string reason) =>
        await Task.WhenAll(S.ListingIds.Select(id => GrainFactory.GetGrain<IListingGrain>(id).SetVisibleAsync(visible, reason)));

    private static string RequireReason(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? throw new RequestValidationException("reason", "A reason is required.") : reason.Trim();

    private void EnsurePartner()
    {
        if (_organization is not { Type: OrganizationType.Partner })
        {
            throw new NotFoundException("Partner", this.GetPrimaryKeyString());
        }
    }

    private PartnerSnapshot Snapshot()
    {
        EnsurePartner();
        return new PartnerSnapshot
        {
            OrganizationId = _organization!.Id,
            Name = _organization.Name,
            Status = S.Status,
            Profile = S.Profile,
            Agreement = S.Agreement,
            Documents = S.Documents.ToList(),
            PayoutAccount = S.PayoutAccount,
            Audit = S.Audit.ToList(),
            ListingIds = S.ListingIds.ToList(),
            MissingForSubmission = PartnerRequirements.MissingForSubmission(S.Profile, S.Agreement, S.Documents),
            SubmittedAt = S.SubmittedAt,
            LastDecisionReason = S.LastDecisionReason,
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Partner {OrganizationId} moved from {From} to {To} by {Actor}")]
    private partial void LogMoved(string organizationId, PartnerStatus from, PartnerStatus to, string actor);
}
