using FluentValidation;
using Marketplace.Abstractions.Errors;
using Marketplace.Abstractions.Listings;
using Marketplace.Abstractions.Partners;
using Marketplace.Application.Catalog;
using Marketplace.Application.Common.Security;
using Marketplace.Application.Listings.Input;
using Marketplace.Application.Organizations;
using Marketplace.Application.Partners;
using Marketplace.Domain.Common;
using Marketplace.Domain.Organizations;
using Marketplace.Domain.Partners;
using Mediator;

namespace Marketplace.Application.Listings.CreateListing;

/// <summary>A partner creates a listing; it starts as a draft at version 1.0.0.</summary>
public sealed record CreateListing : ListingInput, ICommand<ListingSnapshot>, IAuthorizedRequest
{
    public string? PartnerId { get; init; }

    // Without a partner id there is nothing to check against yet; validation then names the field.
    Access IAuthorizedRequest.Access => PartnerId is null ? Access.SignedIn : Access.Organization(PartnerId, MemberRole.Member, operatorMay: false);
}

public sealed class CreateListingValidator : ListingInputValidator<CreateListing>
{
    public CreateListingValidator(IndustryCatalog industries)
        : base(industries) => RuleFor(c => c.PartnerId).NotEmpty();
}

public sealed class CreateListingHandler(IGrainFactory grains, ICallerAccessor callers) : ICommandHandler<CreateListing, ListingSnapshot>
{
    public async ValueTask<ListingSnapshot> Handle(CreateListing command, CancellationToken cancellationToken)
    {
        var organization = await grains.FindOrganizationAsync(command.PartnerId!)
            ?? throw new NotFoundException("Organization", command.PartnerId!);
        if (organization.Type != OrganizationType.Partner)
        {
            throw new ForbiddenException("Only partner organizations list offerings.");
        }
        var kind = command.Kind!.Value;
        var partner = await grains.GetGrain<IPartnerGrain>(organization.Id).GetAsync();
        if (PartnerKinds.WhyNot(partner.Profile, kind, draft: true) is { } whyNot)
        {
            throw new ConflictException("listing.kind_not_declared", whyNot);
        }
        var actor = Actors.Describe(await callers.GetCallerAsync(cancellationToken));
        return await grains.GetGrain<IListingGrain>(Identifiers.New("lst")).CreateAsync(organization.Id, command.ToContent(), actor);
    }
}
