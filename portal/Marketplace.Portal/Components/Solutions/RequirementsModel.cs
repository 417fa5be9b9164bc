using Marketplace.Application.Solutions;
using Marketplace.Application.Solutions.Candidates;
using Marketplace.Domain.Catalog;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Vocabulary;
using Marketplace.Portal.Services;

namespace Marketplace.Portal.Components.Solutions;

/// <summary>
/// The configurator's form: prefilled from the scenario the customer picked, edited in place, and
/// turned into the request the API takes. Names match the request's fields so a validation problem
/// lands next to its input.
/// </summary>
public sealed class RequirementsModel
{
    public required Industry Industry { get; init; }

    public required IndustryScenario Scenario { get; init; }

    public double PeakRequestsPerSecond { get; set; }

    public double LatencyP95Ms { get; set; }

    public int? InputTokens { get; set; }

    public int? OutputTokens { get; set; }

    public DeploymentOption Deployment { get; set; }

    public string Region { get; set; } = Regions.Global;

    public int TermMonths { get; set; } = 36;

    public string Currency { get; set; } = "USD";

    /// <summary>As typed, in major units ("250,000"); blank for no budget.</summary>
    public string? Budget { get; set; }

    public bool Redundancy { get; set; }

    public bool OwnsHardware { get; set; }

    public string? OwnedAcceleratorType { get; set; }

    public int? OwnedAcceleratorCount { get; set; }

    public DateTime? NeededBy { get; set; }

    /// <summary>Whether any role writes text: then the output size matters.</summary>
    public bool Generates => Scenario.RolesNeeded.Any(r => r.Task == ModelTasks.TextGeneration);

    /// <summary>Whether any role reads text: then the input size matters.</summary>
    public bool ReadsText => Generates || Scenario.Modality == Modalities.Text;

    public static RequirementsModel For(Industry industry, IndustryScenario scenario) => new()
    {
        Industry = industry,
        Scenario = scenario,
        PeakRequestsPerSecond = scenario.TypicalRequestsPerSecond ?? 10,
        LatencyP95Ms = scenario.LatencyTargetMs ?? 500,
        InputTokens = scenario.InputTokens,
        OutputTokens = scenario.OutputTokens,
        Deployment = Enum.TryParse<DeploymentOption>(scenario.Deployment, out var deployment) ? deployment : DeploymentOption.Cloud,
    };

    public MajorParse ParsedBudget => MajorUnits.Parse(Budget, Currency);

    /// <summary>The search for these requirements at a given demand (the what-if slider moves only the demand).</summary>
    public FindCandidates ToQuery(double peakRequestsPerSecond, int top) => new()
    {
        Industry = Industry.Id,
        ScenarioId = Scenario.Id,
        PeakRequestsPerSecond = peakRequestsPerSecond,
        LatencyP95Ms = LatencyP95Ms,
        InputTokens = ReadsText ? InputTokens : null,
        OutputTokens = Generates ? OutputTokens : null,
        Deployment = Deployment,
        Region = Region,
        TermMonths = TermMonths,
        Currency = Currency,
        BudgetMinor = ParsedBudget.Minor,
        Redundancy = Redundancy,
        OwnedHardware = OwnsHardware ? new OwnedHardwareInput(OwnedAcceleratorType, OwnedAcceleratorCount) : null,
        NeededBy = NeededBy is { } date ? DateOnly.FromDateTime(date) : null,
        Top = top,
    };
}
