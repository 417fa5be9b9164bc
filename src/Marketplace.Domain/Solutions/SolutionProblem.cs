namespace Marketplace.Domain.Solutions;

/// <summary>Everything one search reads: the requirements, the offers and the terms they are priced under.</summary>
public sealed record SolutionProblem
{
    public required SolutionRequirements Requirements { get; init; }

    public required IReadOnlyList<ModelOffer> Models { get; init; }

    public required IReadOnlyList<IntegratorOffer> Integrators { get; init; }

    /// <summary>Hardware offerings; with owned hardware, the one describing the customer's accelerators.</summary>
    public required IReadOnlyList<HardwareOffer> Hardware { get; init; }

    public required PriceTerms Terms { get; init; }

    public EfficiencyCalibration Calibration { get; init; } = EfficiencyCalibration.None;

    public required DateOnly Today { get; init; }

    public int Top { get; init; } = 5;
}

/// <summary>One role's model in a solution, how it was sized, and the share of each server it takes.</summary>
public sealed record RoleChoice(SolutionRole Role, ModelOffer Model, RoleSizing Sizing, double ServerShare);

/// <summary>A solution that meets every constraint, priced.</summary>
public sealed record Candidate
{
    public required IReadOnlyList<RoleChoice> Models { get; init; }

    public required IntegratorOffer Integrator { get; init; }

    public required HardwareOffer Hardware { get; init; }

    /// <summary>Servers, the spare one of N+1 included.</summary>
    public required int Servers { get; init; }

    /// <summary>The partners' lines together, before tax.</summary>
    public required long SubtotalMinor { get; init; }

    public required long TotalMinor { get; init; }

    /// <summary>Memory the co-located models take on each server, against what it has after headroom.</summary>
    public required double MemoryUsedBytes { get; init; }

    public required double MemoryUsableBytes { get; init; }

    /// <summary>Measured only when every role's figure was measured.</summary>
    public SizingBasis Basis => Models.All(m => m.Sizing.Basis == SizingBasis.Measured) ? SizingBasis.Measured : SizingBasis.Estimated;

    /// <summary>What limits the role that takes most of each server.</summary>
    public string BoundBy => Models.MaxBy(m => m.ServerShare)!.Sizing.BoundBy;

    /// <summary>Distinct solutions differ in a listing (each combination is sized to its fewest servers).</summary>
    public string Key => SolutionSearch.KeyOf(Hardware.Id, Models.Select(m => m.Model.Id), Integrator.Id);
}

/// <summary>A listing that cannot take part in any solution for these requirements, and why.</summary>
public sealed record Exclusion(string Id, string Name, string Kind, string Reason);

public sealed record SearchResult(IReadOnlyList<Candidate> Candidates, IReadOnlyList<Exclusion> Excluded, IReadOnlyList<string> Notes);
