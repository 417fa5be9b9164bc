using Marketplace.Application.Common.Security;
using Marketplace.Domain.Partners;
using Mediator;

namespace Marketplace.Application.Partners.GetAgreement;

/// <summary>The partner agreement in force, for anyone deciding whether to join.</summary>
public sealed record GetAgreement : IQuery<AgreementView>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Anyone;
}

public sealed record AgreementView(string Version, string Title, string Text);

public sealed class GetAgreementHandler : IQueryHandler<GetAgreement, AgreementView>
{
    public ValueTask<AgreementView> Handle(GetAgreement query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new AgreementView(PartnerAgreement.CurrentVersion, PartnerAgreement.Title, PartnerAgreement.Text));
}
