using FluentValidation;
using Marketplace.Application.Catalog;
using Marketplace.Domain.Catalog;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Money;
using Marketplace.Domain.Solutions;
using Marketplace.Domain.Vocabulary;

namespace Marketplace.Application.Solutions;

public sealed record RoleInput(string? Role, string? Task);

public sealed record OwnedHardwareInput(string? AcceleratorType, int? Count);

/// <summary>
/// A customer's requirements as sent: an industry and either a scenario (whose task or roles, typical
/// request rate, latency target, deployment and request size fill what is left out) or a task (or
/// several roles), and the constraints.
/// </summary>
public record RequirementsInput
{
    public string? Industry { get; init; }
    public string? ScenarioId { get; init; }
    public string? Task { get; init; }
    public IReadOnlyList<RoleInput>? Roles { get; init; }
    public double? PeakRequestsPerSecond { get; init; }
    public double? LatencyP95Ms { get; init; }
    public int? InputTokens { get; init; }
    public int? OutputTokens { get; init; }
    public double? AverageRequestsPerSecond { get; init; }
    public DeploymentOption? Deployment { get; init; }
    public string? Region { get; init; }
    public int? TermMonths { get; init; }
    public string? Currency { get; init; }
    public long? BudgetMinor { get; init; }
    public bool? Redundancy { get; init; }
    public OwnedHardwareInput? OwnedHardware { get; init; }
    public DateOnly? NeededBy { get; init; }

    public const int DefaultInputTokens = 128;
    public const int DefaultOutputTokens = 256;

    internal IndustryScenario? ScenarioIn(IndustryCatalog industries) =>
        ScenarioId is null ? null : industries.All.FirstOrDefault(i => i.Id == Industry)?.Scenarios.FirstOrDefault(s => s.Id == ScenarioId);

    /// <summary>The validated input with the scenario's defaults filled in.</summary>
    public SolutionRequirements ToRequirements(IndustryCatalog industries)
    {
        var scenario = ScenarioIn(industries);
        IReadOnlyList<SolutionRole> roles = Roles is { Count: > 0 } given
            ? given.Select(r => new SolutionRole(r.Role!.Trim().ToLowerInvariant(), ModelTasks.All.Normalize(r.Task)!)).ToList()
            : Task is not null ? [new SolutionRole(IndustryScenario.DefaultRole, ModelTasks.All.Normalize(Task)!)]
            : scenario!.RolesNeeded;
        return new SolutionRequirements
        {
            Industry = Industry!,
            ScenarioId = scenario?.Id,
            Roles = roles,
            PeakRequestsPerSecond = PeakRequestsPerSecond ?? scenario!.TypicalRequestsPerSecond!.Value,
            LatencyP95Ms = LatencyP95Ms ?? scenario!.LatencyTargetMs!.Value,
            InputTokens = InputTokens ?? scenario?.InputTokens ?? DefaultInputTokens,
            OutputTokens = OutputTokens ?? scenario?.OutputTokens ?? DefaultOutputTokens,
            AverageRequestsPerSecond = AverageRequestsPerSecond,
            Deployment = Deployment ?? Enum.Parse<DeploymentOption>(scenario!.Deployment!),
            Region = Regions.Normalize(Region)!,
            TermMonths = TermMonths!.Value,
            Currency = Currency!.Trim().ToUpperInvariant(),
            BudgetMinor = BudgetMinor,
            Redundancy = Redundancy ?? false,
            OwnedHardware = OwnedHardware is { AcceleratorType: { } type, Count: { } count } ? new OwnedHardware(type.Trim(), count) : null,
            NeededBy = NeededBy,
        };
    }
}

/// <summary>
/// Every field judged by the rules a buyer would expect, named as the JSON body names it; a value
/// the scenario supplies may be left out.
/// </summary>
public sealed class RequirementsInputValidator : AbstractValidator<RequirementsInput>
{
    public RequirementsInputValidator(IndustryCatalog industries, TimeProvider time)
    {
        RuleFor(r => r.Industry).NotEmpty().Must(id => industries.All.Any(i => i.Id == id))
            .WithMessage(r => $"'industry' must be one of {string.Join(", ", industries.All.Select(i => i.Id))}.");
        RuleFor(r => r.ScenarioId).Must((r, id) => r.ScenarioIn(industries) is not null).When(r => r.ScenarioId is not null && industries.All.Any(i => i.Id == r.Industry))
            .WithMessage(r => $"'scenarioId' is not a scenario of {r.Industry} (it has {string.Join(", ", industries.All.First(i => i.Id == r.Industry).Scenarios.Select(s => s.Id))}).");
        RuleFor(r => r.Task).NotEmpty().When(r => r.ScenarioId is null && r.Roles is not { Count: > 0 })
            .WithMessage("Give a 'task' (or 'roles', or a 'scenarioId').");
        RuleFor(r => r.Task).Must(ModelTasks.All.Contains).When(r => r.Task is not null).WithMessage($"'task' must be {ModelTasks.All.OneOf}.");
        RuleFor(r => r.Roles).Must(l => l is null || l.Count is >= 1 and <= 4).WithMessage("'roles' holds 1 to 4 roles.")
            .Must(l => l is null || l.Select(r => r.Role?.Trim().ToLowerInvariant()).Distinct().Count() == l.Count).WithMessage("Each role needs its own name.");
        RuleForEach(r => r.Roles).ChildRules(role =>
        {
            role.RuleFor(x => x.Role).NotEmpty().MaximumLength(40);
            role.RuleFor(x => x.Task).NotEmpty().Must(ModelTasks.All.Contains).WithMessage($"'task' must be {ModelTasks.All.OneOf}.");
        });
        RuleFor(r => r.PeakRequestsPerSecond).NotNull().When(r => Unsupplied(r, industries, s => s.TypicalRequestsPerSecond))
            .WithMessage("Give 'peakRequestsPerSecond' (or a scenario that states a typical rate).");
        RuleFor(r => r.PeakRequestsPerSecond).GreaterThan(0).LessThanOrEqualTo(1_000_000);
        RuleFor(r => r.AverageRequestsPerSecond).GreaterThanOrEqualTo(0).LessThanOrEqualTo(r => r.PeakRequestsPerSecond ?? 1_000_000)
            .WithMessage("'averageRequestsPerSecond' must be between 0 and the peak.");
        RuleFor(r => r.LatencyP95Ms).NotNull().When(r => Unsupplied(r, industries, s => s.LatencyTargetMs))
            .WithMessage("Give 'latencyP95Ms' (or a scenario that states a latency target).");
        RuleFor(r => r.LatencyP95Ms).GreaterThan(0).LessThanOrEqualTo(3_600_000);
        RuleFor(r => r.InputTokens).InclusiveBetween(1, 1_000_000);
        RuleFor(r => r.OutputTokens).InclusiveBetween(1, 1_000_000);
        RuleFor(r => r.Deployment).NotNull().When(r => Unsupplied(r, industries, s => s.Deployment))
            .WithMessage("Give 'deployment' (Cloud or Private).");
        RuleFor(r => r.Deployment).IsInEnum();
        RuleFor(r => r.Region).NotEmpty().Must(r => Regions.Normalize(r) is not null)
            .WithMessage("'region' must be GLOBAL or an ISO 3166-1 alpha-2 country code.");
        RuleFor(r => r.TermMonths).NotNull().InclusiveBetween(1, 120);
        RuleFor(r => r.Currency).NotEmpty().Must(c => Currency.IsSupported(c?.Trim().ToUpperInvariant()))
            .WithMessage($"'currency' must be one of {string.Join(", ", Currency.Supported)}.");
        RuleFor(r => r.BudgetMinor).GreaterThanOrEqualTo(0);
        RuleFor(r => r.OwnedHardware!).ChildRules(owned =>
        {
            owned.RuleFor(o => o.AcceleratorType).NotEmpty().MaximumLength(80);
            owned.RuleFor(o => o.Count).NotNull().InclusiveBetween(1, 100_000);
        }).When(r => r.OwnedHardware is not null);
        RuleFor(r => r.NeededBy).GreaterThanOrEqualTo(_ => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime))
            .WithMessage("'neededBy' must be today or later.");
    }

    /// <summary>Missing, and no scenario supplies it (an unknown scenario is reported once, on its own field).</summary>
    private static bool Unsupplied(RequirementsInput r, IndustryCatalog industries, Func<IndustryScenario, object?> value) =>
        r.ScenarioId is null || (r.ScenarioIn(industries) is { } scenario && value(scenario) is null);
}
