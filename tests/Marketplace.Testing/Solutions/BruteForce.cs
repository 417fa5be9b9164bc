using Marketplace.Domain.Solutions;

namespace Marketplace.Testing.Solutions;

/// <summary>
/// The reference the optimiser is checked against: every hardware × model-per-role × integrator
/// combination, each listing checked, sized and priced with the domain's own rules, every joint
/// constraint checked, sorted by total then listing ids.
/// </summary>
public static class BruteForce
{
    public sealed record Solution(string Key, long Total, int Servers, HardwareOffer Hardware, IReadOnlyList<ModelOffer> Models, IntegratorOffer Integrator);

    /// <summary>Every solution that meets every constraint, cheapest first.</summary>
    public static List<Solution> All(SolutionProblem problem) => Enumerate(problem, int.MaxValue);

    /// <summary>
    /// The cheapest <see cref="SolutionProblem.Top"/> solutions. Still every hardware × model
    /// combination; of the integrators it keeps, per combination, the <c>Top</c> cheapest that
    /// may deliver it, since a dearer one is beaten by those on the same combination.
    /// </summary>
    public static List<Solution> Top(SolutionProblem problem) => Enumerate(problem, problem.Top).Take(problem.Top).ToList();

    private static List<Solution> Enumerate(SolutionProblem problem, int integratorsPerCombination)
    {
        var r = problem.Requirements;
        var terms = problem.Terms;
        var solutions = new List<Solution>();
        var integrators = problem.Integrators
            .Where(i => Compatibility.WhyNot(i, r, problem.Today) is null && SolutionPricing.Integrator(i, r, terms).Minor is not null)
            .Select(i => (Offer: i, Minor: SolutionPricing.Integrator(i, r, terms).Minor!.Value))
            .OrderBy(i => i.Minor).ThenBy(i => i.Offer.Id, StringComparer.Ordinal)
            .ToList();
        foreach (var hardware in problem.Hardware.Where(h => Compatibility.WhyNot(h, r, problem.Today) is null))
        {
            if (SolutionPricing.Hardware(hardware, r, terms).Price is not { } hardwarePrice)
            {
                continue;
            }
            var perRole = r.Roles.Select(role => problem.Models
                .Where(m => m.Task == role.Task && Compatibility.WhyNot(m, r) is null && SolutionPricing.Model(m, r, terms).Price is not null)
                .Select(m => (Model: m, Sizing: Sizer.Size(m, hardware, r, problem.Calibration).Sizing))
                .Where(x => x.Sizing is not null)
                .ToList()).ToList();
            foreach (var combination in Product(perRole))
            {
                var shares = combination.Sum(c => r.PeakRequestsPerSecond / c.Sizing!.PerServerPerSecond);
                var memory = combination.Sum(c => c.Sizing!.MemoryBytes);
                var servers = SolutionSearch.ServersFor(shares, r.Redundancy);
                if (memory > hardware.MemoryBytes * (1 - Sizer.Headroom) || (hardware.AvailableServers is { } cap && servers > cap))
                {
                    continue;
                }
                var partners = hardwarePrice.For(servers) + combination.Sum(c => SolutionPricing.Model(c.Model, r, terms).Price!.Value.For(servers));
                var kept = 0;
                foreach (var (integrator, minor) in integrators)
                {
                    if (kept == integratorsPerCombination)
                    {
                        break;
                    }
                    if (!Compatibility.CertifiesHardware(integrator, hardware) || combination.Any(c => !Compatibility.Certifies(integrator, c.Model.Id)))
                    {
                        continue;
                    }
                    kept++;
                    var total = SolutionPricing.Total(partners + minor, terms);
                    var key = SolutionSearch.KeyOf(hardware.Id, combination.Select(c => c.Model.Id), integrator.Id);
                    solutions.Add(new Solution(key, total, servers, hardware, combination.Select(c => c.Model).ToList(), integrator));
                }
            }
        }
        return solutions.OrderBy(s => s.Total).ThenBy(s => s.Key, StringComparer.Ordinal).ToList();
    }

    private static IEnumerable<List<T>> Product<T>(List<List<T>> lists)
    {
        IEnumerable<List<T>> result = [[]];
        foreach (var list in lists)
        {
            result = result.SelectMany(prefix => list.Select(item => new List<T>(prefix) { item }));
        }
        return result;
    }
}
