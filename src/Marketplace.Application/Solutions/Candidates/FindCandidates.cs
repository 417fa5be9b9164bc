using FluentValidation;
using Marketplace.Application.Catalog;
using Marketplace.Application.Common.Security;
using Marketplace.Domain.Solutions;
using Mediator;

namespace Marketplace.Application.Solutions.Candidates;

/// <summary>
/// The cheapest solutions that meet a customer's requirements, ranked and explained, with every
/// listing left out and why. Impossible requirements answer no candidates and the reasons.
/// </summary>
public sealed record FindCandidates : RequirementsInput, IQuery<CandidatesAnswer>, IAuthorizedRequest
{
    /// <summary>How many solutions to return (1 to 50; 5 when not given).</summary>
    public int? Top { get; init; }

    Access IAuthorizedRequest.Access => Access.Customer();
}

public sealed record CandidatesAnswer(
    IReadOnlyList<CandidateView> Candidates,
    IReadOnlyList<ExclusionView> Excluded,
    IReadOnlyList<string> Notes,
    SolutionRequirements Requirements,
    int TakeRateBasisPoints,
    int TaxRateBasisPoints);

public sealed class FindCandidatesValidator : AbstractValidator<FindCandidates>
{
    public FindCandidatesValidator(IndustryCatalog industries, TimeProvider time)
    {
        Include(new RequirementsInputValidator(industries, time));
        RuleFor(c => c.Top).InclusiveBetween(1, 50);
    }
}

public sealed class FindCandidatesHandler(SolutionProblems problems) : IQueryHandler<FindCandidates, CandidatesAnswer>
{
    public async ValueTask<CandidatesAnswer> Handle(FindCandidates query, CancellationToken cancellationToken)
    {
        var (problem, offers, notes) = await problems.BuildAsync(query, query.Top ?? 5);
        var result = SolutionSearch.Run(problem);
        return new CandidatesAnswer(
            result.Candidates.Select(c => c.View(problem, offers.PartnerNames, SolutionProblems.TaxPartnerId, SolutionProblems.TaxName)).ToList(),
            result.Excluded.Select(e => new ExclusionView(e.Id, e.Name, e.Kind, e.Reason)).ToList(),
            [.. notes, .. result.Notes],
            problem.Requirements,
            problem.Terms.TakeRateBasisPoints,
            problem.Terms.TaxRateBasisPoints);
    }
}
