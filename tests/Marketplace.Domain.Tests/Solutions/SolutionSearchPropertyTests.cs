using CsCheck;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Solutions;
using Marketplace.Testing.Solutions;

namespace Marketplace.Domain.Tests.Solutions;

/// <summary>On random small catalogs the optimiser answers exactly what the brute-force reference does.</summary>
public sealed class SolutionSearchPropertyTests
{
    [Fact]
    public void The_top_k_equals_the_brute_force_reference_on_1000_random_catalogs()
    {
        int withSolutions = 0, multiRole = 0, full = 0;
        RandomCatalogs.Problems.Sample(problem =>
        {
            var all = BruteForce.All(problem);
            var expected = all.Take(problem.Top).ToList();

            var actual = SolutionSearch.Run(problem).Candidates;

            Assert.Equal(expected.Select(s => (s.Key, s.Total)), actual.Select(c => (c.Key, c.TotalMinor)));
            Assert.Equal(expected.Select(s => s.Servers), actual.Select(c => c.Servers));
            Assert.Equal(expected.Select(s => s.Key), BruteForce.Top(problem).Select(s => s.Key));
            Interlocked.Add(ref withSolutions, expected.Count > 0 ? 1 : 0);
            Interlocked.Add(ref multiRole, expected.Count > 0 && problem.Requirements.Roles.Count > 1 ? 1 : 0);
            Interlocked.Add(ref full, all.Count > problem.Top ? 1 : 0);
        }, iter: 1000, threads: 1);

        // The catalogs are not vacuous: many have solutions, some with two roles, some more than k.
        Assert.True(withSolutions >= 200, $"{withSolutions} of 1000 catalogs had a solution, {multiRole} two-role, {full} more than k");
        Assert.True(multiRole >= 50, $"{multiRole} of 1000 had a two-role solution");
        Assert.True(full >= 100, $"{full} of 1000 had more solutions than k");
    }

    [Fact]
    public void Every_returned_solution_meets_every_constraint_and_its_lines_sum_to_its_total() =>
        RandomCatalogs.Problems.Sample(problem =>
        {
            var r = problem.Requirements;
            foreach (var candidate in SolutionSearch.Run(problem).Candidates)
            {
                Assert.All(candidate.Models, c =>
                {
                    Assert.Null(Compatibility.WhyNot(c.Model, r));
                    Assert.Equal(c.Role.Task, c.Model.Task);
                    Assert.True(c.Sizing.LatencyMs <= r.LatencyP95Ms);
                    Assert.True(Compatibility.Certifies(candidate.Integrator, c.Model.Id));
                });
                Assert.Null(Compatibility.WhyNot(candidate.Hardware, r, problem.Today));
                Assert.Null(Compatibility.WhyNot(candidate.Integrator, r, problem.Today));
                Assert.True(Compatibility.CertifiesHardware(candidate.Integrator, candidate.Hardware));
                Assert.True(candidate.MemoryUsedBytes <= candidate.MemoryUsableBytes);
                var capacity = candidate.Models.Sum(c => c.ServerShare);
                Assert.True(candidate.Servers - (r.Redundancy ? 1 : 0) >= capacity - 1e-9);
                var lines = SolutionPricing.Lines(candidate.Models.Select(m => (m.Role, m.Model)).ToList(), candidate.Integrator, candidate.Hardware, candidate.Servers, r, problem.Terms, "org_operator");
                Assert.Equal(candidate.TotalMinor, lines.Sum(l => l.AmountMinor));
                Assert.All(lines, l => Assert.True(l.AmountMinor >= 0));
            }
        }, iter: 1000);

    [Fact]
    public void Every_listing_left_out_has_a_reason_and_is_in_no_solution_while_every_other_is_in_one() =>
        RandomCatalogs.Problems.Sample(problem =>
        {
            var all = BruteForce.All(problem);
            var used = all.SelectMany(s => s.Models.Select(m => m.Id).Append(s.Hardware.Id).Append(s.Integrator.Id)).ToHashSet();
            var relevantTasks = problem.Requirements.Roles.Select(r => r.Task).ToHashSet();
            var relevant = problem.Models.Where(m => relevantTasks.Contains(m.Task)).Select(m => m.Id)
                .Concat(problem.Hardware.Select(h => h.Id)).Concat(problem.Integrators.Select(i => i.Id));

            var excluded = SolutionSearch.Run(problem).Excluded;

            Assert.All(excluded, e => Assert.False(string.IsNullOrWhiteSpace(e.Reason)));
            Assert.All(excluded, e => Assert.DoesNotContain(e.Id, used));
            Assert.Equal(relevant.Where(id => !used.Contains(id)).Order(), excluded.Select(e => e.Id).Distinct().Order());
        }, iter: 1000);

    [Fact]
    public void More_demand_never_gives_fewer_servers() =>
        RandomCatalogs.Problems.Select(Gen.Double[1, 5]).Sample((problem, factor) =>
        {
            var busier = problem with { Requirements = problem.Requirements with { PeakRequestsPerSecond = problem.Requirements.PeakRequestsPerSecond * factor } };
            var before = BruteForce.All(problem).ToDictionary(s => s.Key, s => s.Servers);

            foreach (var after in BruteForce.All(busier))
            {
                Assert.True(!before.TryGetValue(after.Key, out var servers) || after.Servers >= servers);
            }
            var cheapestBefore = SolutionSearch.Run(problem).Candidates.FirstOrDefault();
            var same = cheapestBefore is null ? null : SolutionSearch.Run(busier with { Top = int.MaxValue }).Candidates.FirstOrDefault(c => c.Key == cheapestBefore.Key);
            Assert.True(same is null || same.Servers >= cheapestBefore!.Servers);
        }, iter: 300);

    [Fact]
    public void A_cheaper_listing_never_makes_a_solution_dearer() =>
        RandomCatalogs.Problems.Select(Gen.Int[0, 100]).Sample((problem, percent) =>
        {
            var before = SolutionSearch.Run(problem).Candidates.FirstOrDefault();
            if (before is null)
            {
                return;
            }
            var cheaperHardware = problem.Hardware.Select(h => h.Id != before.Hardware.Id ? h : h with { Pricing = Scaled(h.Pricing, percent) }).ToList();
            var cheaperModels = problem.Models.Select(m => before.Models.All(c => c.Model.Id != m.Id) ? m : m with { Pricing = Scaled(m.Pricing, percent) }).ToList();

            var after = SolutionSearch.Run(problem with { Hardware = cheaperHardware, Models = cheaperModels }).Candidates.First();

            Assert.True(after.TotalMinor <= before.TotalMinor);
        }, iter: 1000);

    [Fact]
    public void Evaluating_a_found_solution_prices_it_the_same_and_fewer_servers_are_refused_naming_the_units() =>
        RandomCatalogs.Problems.Sample(problem =>
        {
            foreach (var candidate in SolutionSearch.Run(problem).Candidates)
            {
                var ids = candidate.Models.Select(m => m.Model.Id).ToList();

                var same = SolutionEvaluation.Evaluate(problem, candidate.Hardware.Id, ids, candidate.Integrator.Id, null);
                var fewer = SolutionEvaluation.Evaluate(problem, candidate.Hardware.Id, ids, candidate.Integrator.Id, candidate.Servers - 1);

                Assert.Equal((candidate.TotalMinor, candidate.Servers), (same.Candidate!.TotalMinor, same.Candidate.Servers));
                Assert.Null(fewer.Candidate);
                Assert.Equal("hardwareUnits", fewer.Field);
            }
        }, iter: 300);

    private static ListingPricing Scaled(ListingPricing p, int percent) => p with
    {
        PurchasePriceMinor = p.PurchasePriceMinor * percent / 100,
        MonthlyLeaseMinor = p.MonthlyLeaseMinor * percent / 100,
        OnPremLicenseMinor = p.OnPremLicenseMinor * percent / 100,
        MonthlyMinor = p.MonthlyMinor * percent / 100,
        Per1kInferencesMinor = p.Per1kInferencesMinor * percent / 100,
    };
}
