using Marketplace.Abstractions.Errors;
using Marketplace.Abstractions.Files;
using Marketplace.Application.Common.Security;
using Mediator;

namespace Marketplace.Application.Partners.GetDocument;

/// <summary>A partner's compliance document, for its members and for the operators reviewing it.</summary>
public sealed record GetPartnerDocument(string OrganizationId, string DocumentId) : IQuery<PartnerDocumentContent>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Organization(OrganizationId);
}

/// <summary>The document's bytes as a stream the caller disposes, with what to call and label it.</summary>
public sealed record PartnerDocumentContent(string FileName, string ContentType, long SizeBytes, Stream Content);

public sealed class GetPartnerDocumentHandler(IGrainFactory grains, IContentStore store) : IQueryHandler<GetPartnerDocument, PartnerDocumentContent>
{
    public async ValueTask<PartnerDocumentContent> Handle(GetPartnerDocument query, CancellationToken cancellationToken)
    {
        var partner = await (await grains.PartnerAsync(query.OrganizationId)).GetAsync();
        var document = partner.Documents.FirstOrDefault(d => d.Id == query.DocumentId)
            ?? throw new NotFoundException("Document", query.DocumentId);
        if (!store.Exists(document.Sha256))
        {
            throw new NotFoundException("Document content", document.Sha256);
        }
        return new PartnerDocumentContent(document.FileName, document.ContentType, document.SizeBytes, store.OpenRead(document.Sha256));
    }
}
