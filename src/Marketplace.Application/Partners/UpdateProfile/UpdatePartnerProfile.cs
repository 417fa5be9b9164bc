using FluentValidation;
using Marketplace.Abstractions.Partners;
using Marketplace.Application.Common.Security;
using Marketplace.Application.Common.Validation;
using Marketplace.Domain.Organizations;
using Marketplace.Domain.Partners;
using Mediator;

namespace Marketplace.Application.Partners.UpdateProfile;

/// <summary>The partner's owner fills in or corrects the company profile (draft or rejected applications).</summary>
public sealed record UpdatePartnerProfile(
    string OrganizationId,
    string? LegalName,
    string? Country,
    string? TaxId,
    string? Website,
    string? ContactEmail,
    string? ContactPhone,
    string? Description,
    IReadOnlyList<PartnerKind>? Kinds) : ICommand<PartnerSnapshot>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Organization(OrganizationId, MemberRole.Owner, operatorMay: false);
}

public sealed class UpdatePartnerProfileValidator : AbstractValidator<UpdatePartnerProfile>
{
    public UpdatePartnerProfileValidator()
    {
        RuleFor(c => c.LegalName).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Country).NotEmpty().Must(c => CommonRules.IsCountry(c?.Trim().ToUpperInvariant()))
            .WithMessage("'country' must be an ISO 3166-1 alpha-2 code such as DE or CN.");
        RuleFor(c => c.TaxId).NotEmpty().Length(4, 40).Matches("^[A-Za-z0-9][A-Za-z0-9 ./-]*$")
            .WithMessage("'taxId' may hold letters, digits, spaces, '.', '/' and '-'.");
        RuleFor(c => c.Website).ValidUrl();
        RuleFor(c => c.ContactEmail).ValidEmail();
        RuleFor(c => c.ContactPhone).MaximumLength(40).Matches(@"^\+?[0-9 ()-]{5,40}$").When(c => !string.IsNullOrEmpty(c.ContactPhone))
            .WithMessage("'contactPhone' must be a phone number such as +49 30 1234567.");
        RuleFor(c => c.Description).MaximumLength(2000);
        RuleFor(c => c.Kinds).NotEmpty();
        RuleForEach(c => c.Kinds).IsInEnum();
    }
}

public sealed class UpdatePartnerProfileHandler(IGrainFactory grains, ICallerAccessor callers) : ICommandHandler<UpdatePartnerProfile, PartnerSnapshot>
{
    public async ValueTask<PartnerSnapshot> Handle(UpdatePartnerProfile c, CancellationToken cancellationToken)
    {
        var profile = new PartnerProfile
        {
            LegalName = c.LegalName!.Trim(),
            Country = c.Country!.Trim().ToUpperInvariant(),
            TaxId = c.TaxId!.Trim(),
            Website = c.Website!.Trim(),
            ContactEmail = CommonRules.NormalizeEmail(c.ContactEmail!),
            ContactPhone = string.IsNullOrWhiteSpace(c.ContactPhone) ? null : c.ContactPhone.Trim(),
            Description = string.IsNullOrWhiteSpace(c.Description) ? null : c.Description.Trim(),
            Kinds = c.Kinds!.Distinct().ToList(),
        };
        var actor = Actors.Describe(await callers.GetCallerAsync(cancellationToken));
        return await (await grains.PartnerAsync(c.OrganizationId)).UpdateProfileAsync(profile, actor);
    }
}
