using Orleans.Concurrency;
using Marketplace.Abstractions.Catalog;
using Marketplace.Abstractions.Errors;
using Marketplace.Abstractions.Listings;
using Marketplace.Abstractions.Organizations;
using Marketplace.Abstractions.Partners;
using Marketplace.Abstractions.Reviews;
using Marketplace.Domain.Catalog;
using Marketplace.Domain.Common;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Sandbox;
using Microsoft.Extensions.Logging;

namespace Marketplace.Grains.Listings;

public sealed partial class ListingGrain(
    [PersistentState("listing", StorageNames.Default)] IPersistentState<ListingState> state,
    TimeProvider time,
    ILogger<ListingGrain> logger) : Grain, IListingGrain
{
    private ListingState S => state.State;

    private string Id => this.GetPrimaryKeyString();

    public async Task<ListingSnapshot> CreateAsync(string partnerId, ListingContent content, string actor)
    {
        if (S.Exists)
        {
            throw new ConflictException("listing.exists", $"Listing '{Id}' already exists.");
        }
        S.PartnerId = partnerId;
        S.Kind = content.Kind;
        S.CreatedAt = time.GetUtcNow();
        S.Versions.Add(new ListingVersion { Version = SemanticVersion.Initial.ToString(), Status = ListingStatus.Draft, Content = content, CreatedAt = S.CreatedAt });
        S.Audit.Add(new AuditEntry(S.CreatedAt, actor, "created", null, nameof(ListingStatus.Draft), null));
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<IPartnerGrain>(partnerId).RegisterListingAsync(Id);
        return Snapshot();
    }

    public Task<ListingSnapshot?> GetAsync() => Task.FromResult(S.Exists ? Snapshot() : null);

    public async Task<PublishedListing?> GetPublishedAsync()
    {
        if (!S.Exists || S.Hidden || S.Published is not { } published)
        {
            return null;
        }
        return new PublishedListing
        {
            Id = Id,
            PartnerId = S.PartnerId!,
            PartnerName = await PartnerNameAsync(),
            Version = published.Version,
            Content = published.Content,
            PublishedAt = published.PublishedAt ?? S.CreatedAt,
        };
    }

    public Task<Immutable<SandboxModel?>> GetSandboxModelAsync() =>
        Task.FromResult((S.Exists && !S.Hidden && S.Published is { Content.Model: { } spec, Artifact: { IsValid: true } artifact } published
            ? new SandboxModel(Id, published.Version, spec, artifact)
            : null).AsImmutable());

    public async Task<ListingSnapshot> UpdateAsync(ListingContent content, string? version, string actor)
    {
        EnsureExists();
        if (content.Kind != S.Kind)
        {
            throw new RequestValidationException("kind", $"A {S.Kind} listing cannot become a {content.Kind} listing; create a new listing.");
        }
        var current = S.Current;
        var transition = Demand(current.Status, ListingAction.Edit);
        var number = ChooseVersion(current, version);
        var now = time.GetUtcNow();
        var draft = new ListingVersion
        {
            Version = number,
            Status = transition.To,
            Content = content,
            CreatedAt = current.Status == ListingStatus.Published ? now : current.CreatedAt,
            // A rejected version keeps its review, so the partner still sees why while revising.
            Review = current.Status == ListingStatus.Published ? null : current.Review,
            // The model file carries over; replacing it is its own step.
            Artifact = current.Artifact,
        };
        if (current.Status == ListingStatus.Published)
        {
            S.Versions.Add(draft);
        }
        else
        {
            S.Versions[^1] = draft;
        }
        return await RecordAsync(actor, current.Status == ListingStatus.Published ? $"version {number} opened" : "edited", current.Status, draft.Status, null);
    }

    public Task<ListingSnapshot> AttachArtifactAsync(ModelArtifact artifact, string actor) =>
        ChangeWorkingVersionAsync(actor, $"artifact {artifact.Status.ToLowerInvariant()} ({artifact.Sha256[..12]})",
            v => v with
            {
                Artifact = artifact with
                {
                    VocabularySha256 = artifact.VocabularySha256 ?? v.Artifact?.VocabularySha256,
                    Tokenizer = artifact.Tokenizer ?? v.Artifact?.Tokenizer,
                },
            });

    public Task<ListingSnapshot> AttachVocabularyAsync(string sha256, string actor)
    {
        if (S.Current.Artifact is null)
        {
            throw new ConflictException("listing.no_artifact", "Upload the model file before its vocabulary.");
        }
        return ChangeWorkingVersionAsync(actor, $"vocabulary attached ({sha256[..12]})", v => v with { Artifact = v.Artifact! with { VocabularySha256 = sha256 } });
    }

    public Task<ListingSnapshot> AttachTokenizerAsync(ModelTokenizer tokenizer, string actor)
    {
        if (S.Current.Artifact is null)
        {
            throw new ConflictException("listing.no_artifact", "Upload the model file before its tokenizer.");
        }
        var files = tokenizer.ModelSha256 ?? tokenizer.VocabSha256 ?? "";
        return ChangeWorkingVersionAsync(actor, $"tokenizer attached ({tokenizer.Kind}, {files[..Math.Min(12, files.Length)]})", v => v with { Artifact = v.Artifact! with { Tokenizer = tokenizer } });
    }

    /// <summary>An edit of the working version that is not its content: same rules as an edit.</summary>
    private async Task<ListingSnapshot> ChangeWorkingVersionAsync(string actor, string what, Func<ListingVersion, ListingVersion> change)
    {
        EnsureExists();
        if (S.Kind != ListingKind.Model)
        {
            throw new ConflictException("listing.not_a_model", "Only model listings carry a model file.");
        }
        var current = S.Current;
        var transition = Demand(current.Status, ListingAction.Edit);
        if (current.Status == ListingStatus.Published)
        {
            var number = ChooseVersion(current, null);
            S.Versions.Add(change(current with { Version = number, Status = transition.To, CreatedAt = time.GetUtcNow(), SubmittedAt = null, PublishedAt = null, Review = null }));
        }
        else
        {
            S.Versions[^1] = change(current with { Status = transition.To });
        }
        return await RecordAsync(actor, what, current.Status, transition.To, null);
    }

    public async Task<ListingSnapshot> SubmitAsync(string actor)
    {
        EnsureExists();
        var current = S.Current;
        var transition = Demand(current.Status, ListingAction.Submit);
        // A draft made before the partner changed its declared kinds is held to them here too.
        if (await GrainFactory.GetGrain<IPartnerGrain>(S.PartnerId!).WhyCannotSubmitAsync(S.Kind) is { } refusal)
        {
            throw new ConflictException(refusal.Code, refusal.Message);
        }
        var checks = ListingChecks.Run(current.Content, current.Artifact);
        if (ListingChecks.Blocks(checks))
        {
            var failed = checks.Where(c => c is { Passed: false, Severity: CheckSeverity.Error }).Select(c => $"{c.Field}: {c.Message}").ToList();
            throw new ConflictException("listing.checks_failed", "The listing is not ready for review: " + string.Join("; ", failed), failed);
        }
        var now = time.GetUtcNow();
        S.Versions[^1] = current with { Status = transition.To, SubmittedAt = now, Review = new ListingReview { Checks = checks } };
        var snapshot = await RecordAsync(actor, "submitted", current.Status, transition.To, null);
        await GrainFactory.GetGrain<IReviewQueueGrain>(0).EnqueueAsync(new ListingReviewItem(
            Id, S.PartnerId!, current.Content.Name, S.Kind, current.Version, now, checks.Count(c => !c.Passed)));
        return snapshot;
    }

    public async Task<ListingSnapshot> WithdrawAsync(string actor)
    {
        EnsureExists();
        var current = S.Current;
        var transition = Demand(current.Status, ListingAction.Withdraw);
        S.Versions[^1] = current with { Status = transition.To };
        var snapshot = await RecordAsync(actor, "withdrawn", current.Status, transition.To, null);
        await GrainFactory.GetGrain<IReviewQueueGrain>(0).RemoveAsync(Id);
        return snapshot;
    }

    public async Task<ListingSnapshot> ApproveAsync(string? note, string actor)
    {
        EnsureExists();
        var current = S.Current;
        var transition = Demand(current.Status, ListingAction.Approve);
        var now = time.GetUtcNow();
        for (var i = 0; i < S.Versions.Count - 1; i++)
        {
            if (S.Versions[i].Status == ListingStatus.Published)
            {
                S.Versions[i] = S.Versions[i] with { Status = ListingStatus.Superseded };
            }
        }
        S.Versions[^1] = current with
        {
            Status = transition.To,
            PublishedAt = now,
            Review = (current.Review ?? new ListingReview()) with { Decision = "Approved", Reason = note, Reviewer = actor, DecidedAt = now },
        };
        var snapshot = await RecordAsync(actor, "approved", current.Status, transition.To, note);
        await GrainFactory.GetGrain<IReviewQueueGrain>(0).RemoveAsync(Id);
        await PublishToCatalogAsync();
        return snapshot;
    }

    public async Task<ListingSnapshot> RejectAsync(string reason, string actor)
    {
        EnsureExists();
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new RequestValidationException("reason", "A reason is required.");
        }
        var current = S.Current;
        var transition = Demand(current.Status, ListingAction.Reject);
        var now = time.GetUtcNow();
        S.Versions[^1] = current with
        {
            Status = transition.To,
            Review = (current.Review ?? new ListingReview()) with { Decision = "Rejected", Reason = reason.Trim(), Reviewer = actor, DecidedAt = now },
        };
        var snapshot = await RecordAsync(actor, "rejected", current.Status, transition.To, reason.Trim());
        await GrainFactory.GetGrain<IReviewQueueGrain>(0).RemoveAsync(Id);
        return snapshot;
    }

    public async Task<ListingSnapshot> DeprecateAsync(string? reason, string actor)
    {
        EnsureExists();
        if (S.Current.Status == ListingStatus.InReview)
        {
            throw new ConflictException("listing.invalid_transition", "A new version is in review; withdraw it before deprecating the listing.");
        }
        var index = S.Versions.FindLastIndex(v => v.Status == ListingStatus.Published);
        var published = index >= 0 ? S.Versions[index] : S.Current;
        var transition = Demand(published.Status, ListingAction.Deprecate);
        if (index < S.Versions.Count - 1)
        {
            // The unpublished draft on top dies with the listing.
            S.Versions.RemoveRange(index + 1, S.Versions.Count - index - 1);
        }
        S.Versions[index] = published with { Status = transition.To };
        var snapshot = await RecordAsync(actor, "deprecated", published.Status, transition.To, reason);
        await RemoveFromCatalogAsync();
        return snapshot;
    }

    public async Task SetVisibleAsync(bool visible, string reason)
    {
        EnsureExists();
        if (S.Hidden == !visible)
        {
            return;
        }
        S.Hidden = !visible;
        S.Audit.Add(new AuditEntry(time.GetUtcNow(), "system", visible ? "shown" : "hidden", null, null, reason));
        await state.WriteStateAsync();
        await PublishToCatalogAsync();
    }

    public Task RefreshCatalogAsync() => S.Exists ? PublishToCatalogAsync() : Task.CompletedTask;

    /// <summary>Puts the visible published version in the catalog, or takes the listing out of it.</summary>
    private async Task PublishToCatalogAsync()
    {
        if (S.Hidden || S.Published is not { } published)
        {
            await RemoveFromCatalogAsync();
            return;
        }
        var entry = CatalogEntry.FromListing(Id, published.Version, S.PartnerId!, await PartnerNameAsync(), published.Content, published.PublishedAt ?? S.CreatedAt);
        await GrainFactory.GetGrain<ICatalogShardGrain>(ICatalogShardGrain.ShardOf(Id)).UpsertAsync(entry);
        await GrainFactory.GetGrain<ICatalogFeedGrain>(0).PublishAsync(Id, entry);
    }

    private async Task RemoveFromCatalogAsync()
    {
        await GrainFactory.GetGrain<ICatalogShardGrain>(ICatalogShardGrain.ShardOf(Id)).RemoveAsync(Id);
        await GrainFactory.GetGrain<ICatalogFeedGrain>(0).PublishAsync(Id, null);
    }

    private async Task<string> PartnerNameAsync() =>
        (await GrainFactory.GetGrain<IOrganizationGrain>(S.PartnerId!).GetAsync())?.Name ?? S.PartnerId!;

    private string ChooseVersion(ListingVersion current, string? requested)
    {
        var latestPublished = S.Versions
            .Where(v => v.Status is ListingStatus.Published or ListingStatus.Superseded or ListingStatus.Deprecated)
            .Select(v => SemanticVersion.Parse(v.Version))
            .DefaultIfEmpty()
            .Max();
        if (requested is null)
        {
            return current.Status == ListingStatus.Published ? latestPublished.NextMinor().ToString() : current.Version;
        }
        if (!SemanticVersion.TryParse(requested, out var wanted))
        {
            throw new RequestValidationException("version", "The version must be MAJOR.MINOR.PATCH, e.g. 1.2.0.");
        }
        if (latestPublished != default && wanted <= latestPublished)
        {
            throw new RequestValidationException("version", $"The new version must be higher than the published {latestPublished}.");
        }
        return wanted.ToString();
    }

    private async Task<ListingSnapshot> RecordAsync(string actor, string what, ListingStatus from, ListingStatus to, string? reason)
    {
        S.Audit.Add(new AuditEntry(time.GetUtcNow(), actor, what, from.ToString(), to.ToString(), reason));
        await state.WriteStateAsync();
        if (from != to)
        {
            LogMoved(Id, from, to, actor);
        }
        return Snapshot();
    }

    private static Transition<ListingStatus> Demand(ListingStatus from, ListingAction action)
    {
        var transition = ListingLifecycle.Apply(from, action);
        return transition.Allowed ? transition : throw new ConflictException("listing.invalid_transition", transition.Refusal!);
    }

    private void EnsureExists()
    {
        if (!S.Exists)
        {
            throw new NotFoundException("Listing", Id);
        }
    }

    private ListingSnapshot Snapshot() => new()
    {
        Id = Id,
        PartnerId = S.PartnerId!,
        Kind = S.Kind,
        Status = S.Current.Status,
        Current = S.Current,
        Published = S.Published,
        Versions = S.Versions.ToList(),
        Audit = S.Audit.ToList(),
        CreatedAt = S.CreatedAt,
        Visible = !S.Hidden,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Listing {ListingId} moved from {From} to {To} by {Actor}")]
    private partial void LogMoved(string listingId, ListingStatus from, ListingStatus to, string actor);
}
