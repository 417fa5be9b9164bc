using Marketplace.Application.Listings.ListPartnerListings;
using Marketplace.Application.Partners.AcceptAgreement;
using Marketplace.Application.Partners.Decisions;
using Marketplace.Application.Partners.GetAgreement;
using Marketplace.Application.Partners.GetDocument;
using Marketplace.Application.Partners.GetPartner;
using Marketplace.Application.Partners.LinkPayoutAccount;
using Marketplace.Application.Partners.ListPartners;
using Marketplace.Application.Partners.RemoveDocument;
using Marketplace.Application.Partners.SubmitApplication;
using Marketplace.Application.Partners.UpdateProfile;
using Marketplace.Application.Partners.UploadDocument;
using Marketplace.Domain.Partners;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Host.Api.Endpoints;

public sealed record PartnerProfileRequest(
    string? LegalName, string? Country, string? TaxId, string? Website, string? ContactEmail, string? ContactPhone, string? Description, IReadOnlyList<PartnerKind>? Kinds);

public sealed record AgreementRequest(string? Version);

public sealed record PayoutAccountRequest(string? Provider, string? AccountHolder, string? Iban, string? AccountNumber, string? RoutingCode, string? Currency);

public sealed record NoteRequest(string? Note);

public sealed record ReasonRequest(string? Reason);

internal static class PartnerEndpoints
{
    public static void MapPartnerEndpoints(this RouteGroupBuilder api)
    {
        var partners = api.MapGroup("/partners").WithTags("Partners");
        partners.MapGet("/agreement", async (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new GetAgreement(), ct)))
            .WithSummary("The partner agreement in force.");
        partners.MapGet("/{orgId}", async (string orgId, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new GetPartner(orgId), ct)))
            .WithSummary("A partner's application: status, profile, agreement, documents, payout account, audit trail.");
        partners.MapPut("/{orgId}/profile", async (string orgId, PartnerProfileRequest b, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new UpdatePartnerProfile(orgId, b.LegalName, b.Country, b.TaxId, b.Website, b.ContactEmail, b.ContactPhone, b.Description, b.Kinds), ct)))
            .WithSummary("Fill in or correct the company profile (owner; draft or rejected applications).");
        partners.MapPost("/{orgId}/agreement", async (string orgId, AgreementRequest b, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new AcceptAgreement(orgId, b.Version), ct)))
            .WithSummary("Accept a version of the partner agreement (owner).");
        partners.MapPost("/{orgId}/documents", async (string orgId, IFormFile? file, [FromForm] string? kind, IMediator m, CancellationToken ct) =>
                {
                    if (file is null)
                    {
                        throw new Abstractions.Errors.RequestValidationException("file", "Send the document as the multipart form field 'file'.");
                    }
                    await using var content = file.OpenReadStream();
                    return TypedResults.Ok(await m.Send(new UploadPartnerDocument(orgId, file.FileName, kind ?? "other", content), ct));
                })
            .DisableAntiforgery()
            .WithSummary("Upload a compliance document (PDF, PNG or JPEG, judged by content; at most 10 MB) as multipart field 'file' with 'kind'.");
        partners.MapGet("/{orgId}/documents/{documentId}", async (string orgId, string documentId, IMediator m, CancellationToken ct) =>
                {
                    var document = await m.Send(new GetPartnerDocument(orgId, documentId), ct);
                    return TypedResults.File(document.Content, document.ContentType, document.FileName);
                })
            .WithSummary("Download a compliance document (the partner's members and operators).");
        partners.MapDelete("/{orgId}/documents/{documentId}", async (string orgId, string documentId, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new RemovePartnerDocument(orgId, documentId), ct)))
            .WithSummary("Remove a document from a draft application (owner).");
        partners.MapPut("/{orgId}/payout-account", async (string orgId, PayoutAccountRequest b, HttpRequest request, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new LinkPayoutAccount(orgId, b.Provider, b.AccountHolder, b.Iban, b.AccountNumber, b.RoutingCode, b.Currency, $"{request.Scheme}://{request.Host}"), ct)))
            .WithSummary("Say where the partner's share is paid (owner). Provider 'bank-transfer' takes an IBAN or account number; 'stripe-connect' (when Stripe is configured) answers payoutAccount.onboardingUrl, Stripe's page to finish the account.");
        partners.MapPost("/{orgId}/submit", async (string orgId, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new SubmitPartnerApplication(orgId), ct)))
            .WithSummary("Submit the application for verification (owner). 409 lists what is missing.");
        partners.MapGet("/{orgId}/listings", async (string orgId, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ListPartnerListings(orgId), ct)))
            .WithSummary("The partner's listings with their working status.");

        var admin = api.MapGroup("/admin/partners").WithTags("Operator: partners");
        admin.MapGet("/", async (PartnerStatus? status, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ListPartners(status), ct)))
            .WithSummary("Partners, optionally by status (Submitted = waiting for verification).");
        admin.MapPost("/{orgId}/verify", async (string orgId, NoteRequest? b, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new VerifyPartner(orgId, b?.Note), ct)))
            .WithSummary("Verify a submitted application.");
        admin.MapPost("/{orgId}/reject", async (string orgId, ReasonRequest? b, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new RejectPartner(orgId, b?.Reason), ct)))
            .WithSummary("Reject a submitted application with a reason.");
        admin.MapPost("/{orgId}/suspend", async (string orgId, ReasonRequest? b, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new SuspendPartner(orgId, b?.Reason), ct)))
            .WithSummary("Suspend a verified partner (operator owner); its listings leave the catalog.");
        admin.MapPost("/{orgId}/reinstate", async (string orgId, NoteRequest? b, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ReinstatePartner(orgId, b?.Note), ct)))
            .WithSummary("Reinstate a suspended partner (operator owner).");
    }
}
