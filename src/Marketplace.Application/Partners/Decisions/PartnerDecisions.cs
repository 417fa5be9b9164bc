using FluentValidation;
using Marketplace.Abstractions.Partners;
using Marketplace.Application.Common.Security;
using Marketplace.Domain.Organizations;
using Mediator;

namespace Marketplace.Application.Partners.Decisions;

/// <summary>An operator verifies a submitted application.</summary>
public sealed record VerifyPartner(string OrganizationId, string? Note) : ICommand<PartnerSnapshot>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Operator();
}

/// <summary>An operator rejects a submitted application, saying why.</summary>
public sealed record RejectPartner(string OrganizationId, string? Reason) : ICommand<PartnerSnapshot>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Operator();
}

/// <summary>An operator owner suspends a verified partner; its listings leave the catalog.</summary>
public sealed record SuspendPartner(string OrganizationId, string? Reason) : ICommand<PartnerSnapshot>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Operator(MemberRole.Owner);
}

/// <summary>An operator owner reinstates a suspended partner; its listings return.</summary>
public sealed record ReinstatePartner(string OrganizationId, string? Note) : ICommand<PartnerSnapshot>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Operator(MemberRole.Owner);
}

public sealed class VerifyPartnerValidator : AbstractValidator<VerifyPartner>
{
    public VerifyPartnerValidator() => RuleFor(c => c.Note).MaximumLength(1000);
}

public sealed class RejectPartnerValidator : AbstractValidator<RejectPartner>
{
    public RejectPartnerValidator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(1000);
}

public sealed class SuspendPartnerValidator : AbstractValidator<SuspendPartner>
{
    public SuspendPartnerValidator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(1000);
}

public sealed class ReinstatePartnerValidator : AbstractValidator<ReinstatePartner>
{
    public ReinstatePartnerValidator() => RuleFor(c => c.Note).MaximumLength(1000);
}

public sealed class PartnerDecisionHandlers(IGrainFactory grains, ICallerAccessor callers) :
    ICommandHandler<VerifyPartner, PartnerSnapshot>,
    ICommandHandler<RejectPartner, PartnerSnapshot>,
    ICommandHandler<SuspendPartner, PartnerSnapshot>,
    ICommandHandler<ReinstatePartner, PartnerSnapshot>
{
    public async ValueTask<PartnerSnapshot> Handle(VerifyPartner c, CancellationToken ct) =>
        await (await grains.PartnerAsync(c.OrganizationId)).VerifyAsync(c.Note?.Trim(), await ActorAsync(ct));

    public async ValueTask<PartnerSnapshot> Handle(RejectPartner c, CancellationToken ct) =>
        await (await grains.PartnerAsync(c.OrganizationId)).RejectAsync(c.Reason!.Trim(), await ActorAsync(ct));

    public async ValueTask<PartnerSnapshot> Handle(SuspendPartner c, CancellationToken ct) =>
        await (await grains.PartnerAsync(c.OrganizationId)).SuspendAsync(c.Reason!.Trim(), await ActorAsync(ct));

    public async ValueTask<PartnerSnapshot> Handle(ReinstatePartner c, CancellationToken ct) =>
        await (await grains.PartnerAsync(c.OrganizationId)).ReinstateAsync(c.Note?.Trim(), await ActorAsync(ct));

    private async Task<string> ActorAsync(CancellationToken ct) => Actors.Describe(await callers.GetCallerAsync(ct));
}
