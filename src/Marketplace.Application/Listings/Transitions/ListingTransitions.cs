using FluentValidation;
using Marketplace.Abstractions.Listings;
using Marketplace.Application.Common.Security;
using Marketplace.Application.Partners;
using Mediator;

namespace Marketplace.Application.Listings.Transitions;

/// <summary>The owning partner submits the working version for review (verified partners only).</summary>
public sealed record SubmitListing(string ListingId) : ICommand<ListingSnapshot>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Listing(ListingId, operatorMay: false);
}

/// <summary>The owning partner takes a version back out of review to change it.</summary>
public sealed record WithdrawListing(string ListingId) : ICommand<ListingSnapshot>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Listing(ListingId, operatorMay: false);
}

/// <summary>The owning partner (or an operator) deprecates the listing: it leaves the catalog for good.</summary>
public sealed record DeprecateListing(string ListingId, string? Reason) : ICommand<ListingSnapshot>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Listing(ListingId);
}

/// <summary>An operator approves the version in review: it is published and searchable.</summary>
public sealed record ApproveListing(string ListingId, string? Note) : ICommand<ListingSnapshot>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Operator();
}

/// <summary>An operator rejects the version in review, saying why.</summary>
public sealed record RejectListing(string ListingId, string? Reason) : ICommand<ListingSnapshot>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Operator();
}

public sealed class RejectListingValidator : AbstractValidator<RejectListing>
{
    public RejectListingValidator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(2000);
}

public sealed class ApproveListingValidator : AbstractValidator<ApproveListing>
{
    public ApproveListingValidator() => RuleFor(c => c.Note).MaximumLength(2000);
}

public sealed class DeprecateListingValidator : AbstractValidator<DeprecateListing>
{
    public DeprecateListingValidator() => RuleFor(c => c.Reason).MaximumLength(2000);
}

public sealed class ListingTransitionHandlers(IGrainFactory grains, ICallerAccessor callers) :
    ICommandHandler<SubmitListing, ListingSnapshot>,
    ICommandHandler<WithdrawListing, ListingSnapshot>,
    ICommandHandler<DeprecateListing, ListingSnapshot>,
    ICommandHandler<ApproveListing, ListingSnapshot>,
    ICommandHandler<RejectListing, ListingSnapshot>
{
    public async ValueTask<ListingSnapshot> Handle(SubmitListing c, CancellationToken ct) =>
        await Listing(c.ListingId).SubmitAsync(await ActorAsync(ct));

    public async ValueTask<ListingSnapshot> Handle(WithdrawListing c, CancellationToken ct) =>
        await Listing(c.ListingId).WithdrawAsync(await ActorAsync(ct));

    public async ValueTask<ListingSnapshot> Handle(DeprecateListing c, CancellationToken ct) =>
        await Listing(c.ListingId).DeprecateAsync(c.Reason?.Trim(), await ActorAsync(ct));

    public async ValueTask<ListingSnapshot> Handle(ApproveListing c, CancellationToken ct) =>
        await (await ExistingAsync(c.ListingId)).ApproveAsync(c.Note?.Trim(), await ActorAsync(ct));

    public async ValueTask<ListingSnapshot> Handle(RejectListing c, CancellationToken ct) =>
        await (await ExistingAsync(c.ListingId)).RejectAsync(c.Reason!.Trim(), await ActorAsync(ct));

    private IListingGrain Listing(string id) => grains.GetGrain<IListingGrain>(id);

    private Task<IListingGrain> ExistingAsync(string id) => grains.ExistingListingAsync(id);

    private async Task<string> ActorAsync(CancellationToken ct) => Actors.Describe(await callers.GetCallerAsync(ct));
}
