using FluentValidation;
using Marketplace.Abstractions.Partners;
using Marketplace.Application.Common.Security;
using Marketplace.Domain.Organizations;
using Mediator;

namespace Marketplace.Application.Partners.LinkPayoutAccount;

/// <summary>The partner's owner says where its share is paid.</summary>
public sealed record LinkPayoutAccount(
    string OrganizationId,
    string? Provider,
    string? AccountHolder,
    string? Iban,
    string? AccountNumber,
    string? RoutingCode,
    string? Currency,
    string? PortalBaseUrl = null) : ICommand<PartnerSnapshot>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Organization(OrganizationId, MemberRole.Owner, operatorMay: false);
}

public sealed class LinkPayoutAccountValidator : AbstractValidator<LinkPayoutAccount>
{
    public LinkPayoutAccountValidator(IEnumerable<IPayoutAccountLinker> linkers)
    {
        var providers = linkers.Select(l => l.Provider).ToList();
        RuleFor(c => c.Provider).NotEmpty().Must(p => providers.Contains(p!))
            .WithMessage($"'provider' must be one of {string.Join(", ", providers)}.");
        RuleFor(c => c.AccountHolder).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Currency).NotEmpty();
        RuleFor(c => c.Iban).MaximumLength(42);
        RuleFor(c => c.AccountNumber).MaximumLength(40);
        RuleFor(c => c.RoutingCode).MaximumLength(20);
    }
}

public sealed class LinkPayoutAccountHandler(IGrainFactory grains, IEnumerable<IPayoutAccountLinker> linkers, ICallerAccessor callers)
    : ICommandHandler<LinkPayoutAccount, PartnerSnapshot>
{
    public async ValueTask<PartnerSnapshot> Handle(LinkPayoutAccount c, CancellationToken cancellationToken)
    {
        var partner = await grains.PartnerAsync(c.OrganizationId);
        var linker = linkers.Single(l => l.Provider == c.Provider);
        var account = await linker.LinkAsync(c.OrganizationId, new PayoutDetails(c.Provider!, c.AccountHolder!, c.Iban, c.AccountNumber, c.RoutingCode, c.Currency!.Trim().ToUpperInvariant(), c.PortalBaseUrl), cancellationToken);
        return await partner.LinkPayoutAccountAsync(account, Actors.Describe(await callers.GetCallerAsync(cancellationToken)));
    }
}
