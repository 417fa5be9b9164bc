using Marketplace.Domain.Listings;

namespace Marketplace.Domain.Solutions;

/// <summary>One model a solution needs: what it is for ("retrieval", "generation") and the task it does.</summary>
public sealed record SolutionRole(string Role, string Task);

/// <summary>Accelerators the customer already owns: the solution is sized onto them and quotes no hardware.</summary>
public sealed record OwnedHardware(string AcceleratorType, int Count);

/// <summary>
/// What an industry customer needs: the workload (roles, peak demand, latency target, request size),
/// where and how it is deployed, for how long, in which currency, and within which limits.
/// </summary>
public sealed record SolutionRequirements
{
    public required string Industry { get; init; }

    /// <summary>The scenario it came from, when the customer picked one (its roles and defaults).</summary>
    public string? ScenarioId { get; init; }

    /// <summary>The models the solution needs; one role for most workloads, several for retrieval assistants.</summary>
    public required IReadOnlyList<SolutionRole> Roles { get; init; }

    /// <summary>Requests per second at the busiest time; every role serves each request once.</summary>
    public required double PeakRequestsPerSecond { get; init; }

    /// <summary>
    /// The 95th-percentile latency a request must meet: for encoders one inference, for text
    /// generation the whole answer (time to first token plus every output token).
    /// </summary>
    public required double LatencyP95Ms { get; init; }

    /// <summary>Tokens per request read by text models (the prompt, for generation).</summary>
    public int InputTokens { get; init; } = 128;

    /// <summary>Tokens a generation model writes per request.</summary>
    public int OutputTokens { get; init; } = 256;

    /// <summary>Average demand over the term, for usage-priced models; by default a quarter of the peak.</summary>
    public double? AverageRequestsPerSecond { get; init; }

    public required DeploymentOption Deployment { get; init; }

    /// <summary>Where the data must stay: an ISO 3166-1 alpha-2 country code, or GLOBAL.</summary>
    public required string Region { get; init; }

    public required int TermMonths { get; init; }

    public required string Currency { get; init; }

    /// <summary>The most the customer will pay over the term, in minor units of <see cref="Currency"/>.</summary>
    public long? BudgetMinor { get; init; }

    /// <summary>One server more than the load needs, so one can fail (N+1).</summary>
    public bool Redundancy { get; init; }

    public OwnedHardware? OwnedHardware { get; init; }

    /// <summary>The date the solution must be delivered by; offers whose lead time passes it are left out.</summary>
    public DateOnly? NeededBy { get; init; }

    public double AverageRequests => AverageRequestsPerSecond ?? PeakRequestsPerSecond / 4;
}
