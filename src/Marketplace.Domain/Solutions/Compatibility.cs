using Marketplace.Domain.Listings;
using Marketplace.Domain.Vocabulary;

namespace Marketplace.Domain.Solutions;

/// <summary>
/// The rules one listing must meet on its own, each failure with the reason the "why not" panel
/// shows: the deployment the model is offered for, the customer's region (data residency) and the
/// date the solution is needed by; integrators must serve the industry. Null means it may take part.
/// </summary>
public static class Compatibility
{
    public static string? WhyNot(ModelOffer model, SolutionRequirements requirements)
    {
        if (!model.Deployments.Contains(requirements.Deployment))
        {
            return $"it is not offered for {Describe(requirements.Deployment)} deployment (offered: {string.Join(", ", model.Deployments.Select(Describe))})";
        }
        return Region(model.Regions, requirements);
    }

    public static string? WhyNot(HardwareOffer hardware, SolutionRequirements requirements, DateOnly today) =>
        Region(hardware.Regions, requirements) ?? LeadTime(hardware.Spec.LeadTimeWeeks, requirements, today);

    public static string? WhyNot(IntegratorOffer integrator, SolutionRequirements requirements, DateOnly today)
    {
        if (integrator.Industries.Count > 0 && !integrator.Industries.Contains(requirements.Industry))
        {
            return $"it does not serve the {requirements.Industry} industry (serves: {string.Join(", ", integrator.Industries)})";
        }
        return Region(integrator.Regions, requirements) ?? LeadTime(integrator.LeadTimeWeeks, requirements, today);
    }

    /// <summary>Where the integrator's listing names certified models or hardware, the chosen ones must be among them.</summary>
    public static bool Certifies(IntegratorOffer integrator, string modelId) =>
        integrator.CertifiedModelIds.Count == 0 || integrator.CertifiedModelIds.Contains(modelId);

    public static bool CertifiesHardware(IntegratorOffer integrator, HardwareOffer hardware) =>
        hardware.Owned || integrator.CertifiedHardwareIds.Count == 0 || integrator.CertifiedHardwareIds.Contains(hardware.Id);

    private static string? Region(IReadOnlyList<string> offered, SolutionRequirements requirements) =>
        requirements.Region == Regions.Global || offered.Count == 0 || offered.Contains(Regions.Global) || offered.Contains(requirements.Region)
            ? null
            : $"it is not offered in {Regions.NameOf(requirements.Region)} ({requirements.Region}; offered in {string.Join(", ", offered.Take(8))}{(offered.Count > 8 ? ", …" : "")})";

    private static string? LeadTime(int? weeks, SolutionRequirements requirements, DateOnly today) =>
        requirements.NeededBy is { } needed && weeks is { } w && today.AddDays(w * 7) > needed
            ? $"its lead time of {w} weeks ends on {today.AddDays(w * 7):yyyy-MM-dd}, after the {needed:yyyy-MM-dd} the solution is needed by"
            : null;

    private static string Describe(DeploymentOption deployment) => deployment == DeploymentOption.Private ? "private (on-premise)" : "cloud";
}
