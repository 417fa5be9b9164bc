using FluentValidation;
using Marketplace.Abstractions.Errors;
using Marketplace.Abstractions.Solutions;
using Marketplace.Application.Catalog;
using Marketplace.Application.Common.Security;
using Marketplace.Domain.Common;
using Marketplace.Domain.Solutions;
using Mediator;

namespace Marketplace.Application.Solutions.Quotes;

public sealed record QuoteModelInput(string? Role, string? Id);

/// <summary>
/// A customer asks for a quote on one solution: a model (or one per role), an integrator, a hardware
/// offering and, if it wants more than the fewest that meet the requirements, how many servers.
/// Priced now, valid for 30 days; a solution that cannot meet the requirements is a 400 saying why.
/// </summary>
public sealed record CreateQuote(
    string? ModelId,
    IReadOnlyList<QuoteModelInput>? Models,
    string? IntegratorId,
    string? HardwareId,
    int? HardwareUnits,
    RequirementsInput? Requirements) : ICommand<QuoteView>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Customer(operatorMay: false);
}

public sealed class CreateQuoteValidator : AbstractValidator<CreateQuote>
{
    public CreateQuoteValidator(IndustryCatalog industries, TimeProvider time)
    {
        RuleFor(q => q.Requirements).NotNull();
        RuleFor(q => q.Requirements!).SetValidator(new RequirementsInputValidator(industries, time)).When(q => q.Requirements is not null);
        RuleFor(q => q).Must(q => (q.ModelId is null) != (q.Models is null)).OverridePropertyName("modelId")
            .WithMessage("Give 'modelId' for one model, or 'models' with a model for each role.");
        RuleFor(q => q.Models).Must(m => m is null || m.Count is >= 1 and <= 4).WithMessage("'models' holds 1 to 4 roles.");
        RuleForEach(q => q.Models).ChildRules(m =>
        {
            m.RuleFor(x => x.Role).NotEmpty().MaximumLength(40);
            m.RuleFor(x => x.Id).NotEmpty().MaximumLength(64);
        });
        RuleFor(q => q.ModelId).MaximumLength(64);
        RuleFor(q => q.IntegratorId).NotEmpty().MaximumLength(64);
        RuleFor(q => q.HardwareId).NotEmpty().MaximumLength(64);
        RuleFor(q => q.HardwareUnits).InclusiveBetween(1, 100_000);
    }
}

public sealed class CreateQuoteHandler(IGrainFactory grains, SolutionProblems problems, ICatalogSearch catalog, ICallerAccessor callers, TimeProvider time)
    : ICommandHandler<CreateQuote, QuoteView>
{
    public async ValueTask<QuoteView> Handle(CreateQuote command, CancellationToken cancellationToken)
    {
        var caller = await callers.GetCallerAsync(cancellationToken);
        var (problem, offers, _) = await problems.BuildAsync(command.Requirements!, top: 1);
        var modelIds = ModelIds(command, problem.Requirements);
        var evaluation = SolutionEvaluation.Evaluate(problem, command.HardwareId!.Trim(), modelIds, command.IntegratorId!.Trim(), command.HardwareUnits);
        if (evaluation.Candidate is not { } candidate)
        {
            throw new RequestValidationException(evaluation.Field!, evaluation.Reason!);
        }
        var version = QuoteRules.Version(1, candidate, problem, time.GetUtcNow(), SolutionProblems.TaxPartnerId, Names(offers));
        var quote = await grains.GetGrain<IQuoteGrain>(Identifiers.New("qte")).IssueAsync(caller.OrganizationId!, version, Partners.Actors.Describe(caller));
        return QuoteView.Of(quote, catalog);
    }

    internal static Func<string, string> Names(OfferSet offers) =>
        id => id == SolutionProblems.TaxPartnerId ? SolutionProblems.TaxName : offers.PartnerNames.GetValueOrDefault(id, id);

    /// <summary>Models in the order of the requirements' roles; a role left without one is named.</summary>
    private static IReadOnlyList<string> ModelIds(CreateQuote command, SolutionRequirements requirements)
    {
        if (command.ModelId is { } single)
        {
            return requirements.Roles.Count == 1
                ? [single.Trim()]
                : throw new RequestValidationException("models", $"These requirements need {requirements.Roles.Count} models ({string.Join(", ", requirements.Roles.Select(r => r.Role))}); send 'models' with one for each role.");
        }
        var byRole = command.Models!.ToDictionary(m => m.Role!.Trim().ToLowerInvariant(), m => m.Id!.Trim());
        return requirements.Roles.Select(r => byRole.TryGetValue(r.Role, out var id)
            ? id
            : throw new RequestValidationException("models", $"No model for the {r.Role} role ({r.Task}); the roles are {string.Join(", ", requirements.Roles.Select(x => x.Role))}."))
            .ToList();
    }
}
