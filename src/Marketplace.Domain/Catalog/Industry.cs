using Marketplace.Domain.Solutions;

namespace Marketplace.Domain.Catalog;

/// <summary>An industry the marketplace serves, with the scenarios buyers in it bring.</summary>
public sealed record Industry(string Id, string Name, string Description, IReadOnlyList<IndustryScenario> Scenarios);

/// <summary>
/// A typical workload of an industry: what to run, how much, how fast, and where. Most need one
/// model (its <see cref="Task"/>); some need several, each in its own role (a retrieval assistant: an
/// embedding model and a generation model).
/// </summary>
public sealed record IndustryScenario(
    string Id,
    string Name,
    string Description,
    string Task,
    string? Modality,
    double? TypicalRequestsPerSecond,
    double? LatencyTargetMs,
    string? Deployment,
    string? DataRules,
    IReadOnlyList<SolutionRole>? Roles = null,
    int? InputTokens = null,
    int? OutputTokens = null)
{
    /// <summary>The roles the scenario needs: its own list, else one role for its task.</summary>
    public IReadOnlyList<SolutionRole> RolesNeeded => Roles is { Count: > 0 } roles ? roles : [new SolutionRole(DefaultRole, Task)];

    public const string DefaultRole = "model";
}
