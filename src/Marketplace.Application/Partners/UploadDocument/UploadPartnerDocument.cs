using FluentValidation;
using Marketplace.Abstractions.Errors;
using Marketplace.Abstractions.Files;
using Marketplace.Abstractions.Partners;
using Marketplace.Application.Common.Security;
using Marketplace.Domain.Common;
using Marketplace.Domain.Files;
using Marketplace.Domain.Organizations;
using Marketplace.Domain.Partners;
using Mediator;

namespace Marketplace.Application.Partners.UploadDocument;

/// <summary>
/// A compliance document: streamed into the content store, its type judged by its bytes (PDF,
/// PNG or JPEG) and required to agree with its name; size capped.
/// </summary>
public sealed record UploadPartnerDocument(string OrganizationId, string? FileName, string? Kind, Stream Content, IProgress<long>? Progress = null)
    : ICommand<PartnerSnapshot>, IAuthorizedRequest
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public static readonly IReadOnlyList<string> Kinds = ["incorporation", "tax", "certification", "insurance", "other"];

    Access IAuthorizedRequest.Access => Access.Organization(OrganizationId, MemberRole.Owner, operatorMay: false);
}

public sealed class UploadPartnerDocumentValidator : AbstractValidator<UploadPartnerDocument>
{
    public UploadPartnerDocumentValidator()
    {
        RuleFor(c => c.FileName).NotEmpty().MaximumLength(200)
            .Must(n => n is null || (n.IndexOfAny(Path.GetInvalidFileNameChars()) < 0 && n.Trim() == n))
            .WithMessage("'fileName' must be a plain file name.");
        RuleFor(c => c.Kind).NotEmpty().Must(k => UploadPartnerDocument.Kinds.Contains(k))
            .WithMessage($"'kind' must be one of {string.Join(", ", UploadPartnerDocument.Kinds)}.");
    }
}

public sealed class UploadPartnerDocumentHandler(IGrainFactory grains, IContentStore store, ICallerAccessor callers, TimeProvider time)
    : ICommandHandler<UploadPartnerDocument, PartnerSnapshot>
{
    public async ValueTask<PartnerSnapshot> Handle(UploadPartnerDocument c, CancellationToken cancellationToken)
    {
        var partner = await grains.PartnerAsync(c.OrganizationId);
        var header = new byte[FileSignature.HeaderLength];
        var read = await c.Content.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken);
        var type = FileSignature.Detect(header.AsSpan(0, read))
            ?? throw new RequestValidationException("file", "The file is not a PDF, PNG or JPEG document (judged by its content).");
        if (!FileSignature.NameMatches(c.FileName!, type))
        {
            throw new RequestValidationException("file", $"The content is {type.ContentType} but the name '{c.FileName}' says otherwise; use {string.Join(" or ", type.Extensions)}.");
        }
        StoredFile stored;
        try
        {
            await using var whole = new PrefixedStream(header.AsMemory(0, read), c.Content);
            stored = await store.PutAsync(whole, UploadPartnerDocument.MaxBytes, c.Progress, cancellationToken);
        }
        catch (ContentTooLargeException)
        {
            throw new RequestValidationException("file", $"The file is larger than {UploadPartnerDocument.MaxBytes / (1024 * 1024)} MB.");
        }
        var document = new PartnerDocument(Identifiers.New("doc"), c.FileName!, type.ContentType, stored.SizeBytes, stored.Sha256, c.Kind!, time.GetUtcNow());
        return await partner.AddDocumentAsync(document, Actors.Describe(await callers.GetCallerAsync(cancellationToken)));
    }
}
