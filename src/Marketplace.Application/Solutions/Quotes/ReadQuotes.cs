using FluentValidation;
using Marketplace.Abstractions.Errors;
using Marketplace.Abstractions.Solutions;
using Marketplace.Application.Catalog;
using Marketplace.Application.Common.Security;
using Marketplace.Application.Common.Validation;
using Marketplace.Application.Organizations;
using Marketplace.Domain.Solutions;
using Mediator;

namespace Marketplace.Application.Solutions.Quotes;

/// <summary>A quote, to the organisation it was made for and to operators; to anyone else it does not exist.</summary>
public sealed record GetQuote(string QuoteId) : IQuery<QuoteView>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Quote(QuoteId);
}

public sealed class GetQuoteHandler(IGrainFactory grains, ICatalogSearch catalog) : IQueryHandler<GetQuote, QuoteView>
{
    public async ValueTask<QuoteView> Handle(GetQuote query, CancellationToken cancellationToken) =>
        QuoteView.Of(await grains.GetGrain<IQuoteGrain>(query.QuoteId).GetAsync() ?? throw new NotFoundException("Quote", query.QuoteId), catalog);
}

/// <summary>The caller's organisation's quotes, newest first, optionally of one status; operators see every organisation's.</summary>
public sealed record ListQuotes(string? Status = null) : IQuery<IReadOnlyList<QuoteSummary>>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Customer();

    internal QuoteStatus? Parsed => StatusFilter.Parse<QuoteStatus>(Status);
}

public sealed class ListQuotesValidator : AbstractValidator<ListQuotes>
{
    public ListQuotesValidator() =>
        RuleFor(q => q.Status).MustBeStatusOf<ListQuotes, QuoteStatus>();
}

public sealed class ListQuotesHandler(IGrainFactory grains, ICallerAccessor callers) : IQueryHandler<ListQuotes, IReadOnlyList<QuoteSummary>>
{
    public async ValueTask<IReadOnlyList<QuoteSummary>> Handle(ListQuotes query, CancellationToken cancellationToken)
    {
        var caller = await callers.GetCallerAsync(cancellationToken);
        var book = grains.GetGrain<IQuoteBookGrain>(caller.IsOperator ? IQuoteBookGrain.Everyone : caller.OrganizationId!);
        var status = query.Parsed;
        return (await book.QuotesAsync()).Where(q => status is null || q.Status == status).ToList();
    }
}

/// <summary>Accepts the quote's current version: an order with one line per partner (billing invoices it).</summary>
public sealed record AcceptQuote(string QuoteId) : ICommand<QuoteAcceptance>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Quote(QuoteId);
}

public sealed class AcceptQuoteHandler(IGrainFactory grains, ICallerAccessor callers) : ICommandHandler<AcceptQuote, QuoteAcceptance>
{
    public async ValueTask<QuoteAcceptance> Handle(AcceptQuote command, CancellationToken cancellationToken) =>
        await grains.GetGrain<IQuoteGrain>(command.QuoteId).AcceptAsync(Partners.Actors.Describe(await callers.GetCallerAsync(cancellationToken)));
}

/// <summary>
/// Prices the quote again as a new version, with the listings' current versions: for an expired
/// quote, or one whose listings changed. A listing no longer offered is a 409 naming it.
/// </summary>
public sealed record RequoteQuote(string QuoteId) : ICommand<QuoteView>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Quote(QuoteId);
}

public sealed class RequoteQuoteHandler(IGrainFactory grains, SolutionProblems problems, ICatalogSearch catalog, ICallerAccessor callers, TimeProvider time)
    : ICommandHandler<RequoteQuote, QuoteView>
{
    public async ValueTask<QuoteView> Handle(RequoteQuote command, CancellationToken cancellationToken)
    {
        var grain = grains.GetGrain<IQuoteGrain>(command.QuoteId);
        var quote = await grain.GetAsync() ?? throw new NotFoundException("Quote", command.QuoteId);
        if (quote.Status == QuoteStatus.Accepted)
        {
            throw new ConflictException("quote.accepted", "This quote was accepted; its order stands. Ask for a new quote instead.");
        }
        var current = quote.Current;
        var withdrawn = QuoteView.ChangesSince(current, catalog).Where(c => c.CurrentVersion is null).ToList();
        if (withdrawn.Count > 0)
        {
            throw new ConflictException("quote.listing_withdrawn", "Some listings of this quote are no longer offered; choose another solution.",
                withdrawn.Select(w => $"{w.Name} ({w.ListingId}) is no longer offered").ToList());
        }
        var (problem, offers, _) = await problems.BuildAsync(current.Requirements, top: 1);
        var evaluation = SolutionEvaluation.Evaluate(problem, current.Hardware.ListingId, current.Models.Select(m => m.Listing.ListingId).ToList(), current.Integrator.ListingId, null);
        if (evaluation.Candidate is not { } candidate)
        {
            throw new ConflictException("quote.no_longer_feasible", $"The quoted solution no longer meets its requirements: {evaluation.Reason}");
        }
        var version = QuoteRules.Version(current.Number + 1, candidate, problem, time.GetUtcNow(), SolutionProblems.TaxPartnerId, CreateQuoteHandler.Names(offers));
        return QuoteView.Of(await grain.ReviseAsync(version, Partners.Actors.Describe(await callers.GetCallerAsync(cancellationToken))), catalog);
    }
}

/// <summary>The quote's current version as a PDF to file and sign.</summary>
public sealed record GetQuotePdf(string QuoteId) : IQuery<QuotePdfFile>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Quote(QuoteId);
}

public sealed record QuotePdfFile(string FileName, byte[] Content);

public sealed class GetQuotePdfHandler(IGrainFactory grains, IQuotePrinter printer) : IQueryHandler<GetQuotePdf, QuotePdfFile>
{
    public async ValueTask<QuotePdfFile> Handle(GetQuotePdf query, CancellationToken cancellationToken)
    {
        var quote = await grains.GetGrain<IQuoteGrain>(query.QuoteId).GetAsync() ?? throw new NotFoundException("Quote", query.QuoteId);
        var customer = await grains.FindOrganizationAsync(quote.OrganizationId);
        var content = printer.Print(new QuoteDocument(quote.Id, customer?.Name ?? quote.OrganizationId, quote.Status, quote.Current));
        return new QuotePdfFile($"{quote.Id}-v{quote.Current.Number}.pdf", content);
    }
}
