using Marketplace.Domain.Solutions;

namespace Marketplace.Application.Solutions;

public sealed record ListingRef(string Id, string Name, string Version);

public sealed record HardwareRef(string Id, string Name, string Version, int Units, bool Owned);

/// <summary>One role's model in a solution and what it was sized from.</summary>
public sealed record RoleView(
    string Role,
    string Task,
    string Id,
    string Name,
    string Version,
    SizingBasis Basis,
    string BoundBy,
    double PerServerPerSecond,
    double? EfficiencyFactor,
    string? EfficiencySource,
    double LatencyMs,
    double ServerShare,
    int? Batch,
    double? OutputTokensPerSecond,
    double? TimeToFirstTokenMs,
    double MemoryGb);

/// <summary>A priced line with its partner and how it would be shared at the take rate.</summary>
public sealed record LineView(string PartnerId, string PartnerName, string? ListingId, LineKind Kind, string Description, long AmountMinor, long PartnerShareMinor, long PlatformShareMinor);

/// <summary>A listing left out, and why.</summary>
public sealed record ExclusionView(string Id, string Name, string Kind, string Reason);

public sealed record CandidateView(
    ListingRef Model,
    IReadOnlyList<RoleView> Models,
    ListingRef Integrator,
    HardwareRef Hardware,
    long TotalCostMinor,
    string Currency,
    long CostPer1kMinor,
    long? CostPer1MOutputTokensMinor,
    SizingBasis Basis,
    string BoundBy,
    double MemoryUsedGb,
    double MemoryUsableGb,
    IReadOnlyList<LineView> Lines);

internal static class SolutionViewMapping
{
    public static CandidateView View(this Candidate candidate, SolutionProblem problem, IReadOnlyDictionary<string, string> partnerNames, string taxPartnerId, string taxName)
    {
        var requirements = problem.Requirements;
        var lines = SolutionPricing.Lines(candidate.Models.Select(m => (m.Role, m.Model)).ToList(), candidate.Integrator, candidate.Hardware, candidate.Servers, requirements, problem.Terms, taxPartnerId)
            .Select(l => QuoteRules.Shared(l, problem.Terms.TakeRateBasisPoints, l.Kind == LineKind.Tax ? taxName : partnerNames.GetValueOrDefault(l.PartnerId, l.PartnerId)))
            .Select(l => new LineView(l.PartnerId, l.PartnerName, l.ListingId, l.Kind, l.Description, l.AmountMinor, l.PartnerShareMinor, l.PlatformShareMinor))
            .ToList();
        var requests = SolutionPricing.ProjectedRequests(requirements);
        var roles = candidate.Models.Select(m => new RoleView(
            m.Role.Role, m.Role.Task, m.Model.Id, m.Model.Name, m.Model.Version, m.Sizing.Basis, m.Sizing.BoundBy, m.Sizing.PerServerPerSecond,
            m.Sizing.EfficiencyFactor, m.Sizing.EfficiencySource, m.Sizing.LatencyMs, m.ServerShare, m.Sizing.Batch, m.Sizing.OutputTokensPerSecond,
            m.Sizing.TimeToFirstTokenMs, m.Sizing.MemoryBytes / 1e9)).ToList();
        return new CandidateView(
            new ListingRef(roles[0].Id, roles[0].Name, roles[0].Version),
            roles,
            new ListingRef(candidate.Integrator.Id, candidate.Integrator.Name, candidate.Integrator.Version),
            new HardwareRef(candidate.Hardware.Id, candidate.Hardware.Name, candidate.Hardware.Version, candidate.Servers, candidate.Hardware.Owned),
            candidate.TotalMinor,
            requirements.Currency,
            SolutionPricing.Per1kMinor(candidate.TotalMinor, requests),
            candidate.Models.Any(m => m.Model.Generates) ? SolutionPricing.Per1MTokensMinor(candidate.TotalMinor, requests * requirements.OutputTokens) : null,
            candidate.Basis,
            candidate.BoundBy,
            candidate.MemoryUsedBytes / 1e9,
            candidate.MemoryUsableBytes / 1e9,
            lines);
    }
}
