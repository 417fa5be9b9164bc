namespace Marketplace.Domain.Catalog;

/// <summary>An industry the marketplace serves, with the scenarios buyers in it bring.</summary>
public sealed record Industry(string Id, string Name, string Description, IReadOnlyList<IndustryScenario> Scenarios);

/// <summary>A typical workload of an industry: what to run, how much, how fast, and where.</summary>
public sealed record IndustryScenario(
    string Id,
    string Name,
    string Description,
    string Task,
    string? Modality,
    double? TypicalRequestsPerSecond,
    double? LatencyTargetMs,
    string? Deployment,
    string? DataRules);
