namespace Marketplace.Domain.Solutions;

/// <summary>
/// The exact k cheapest distinct solutions that meet every constraint, without enumerating the
/// product of models × integrators × hardware: a best-first search over partial solutions (a
/// server, then a model per role, then integrators in price order) whose priority is a lower bound
/// of every completion (fewest servers the chosen and cheapest remaining models need, the cheapest
/// remaining prices, the cheapest integrator), so the first k complete solutions popped are the k
/// cheapest; ties go to the lexically smaller listing ids.
/// </summary>
public static class SolutionSearch
{
    public static string KeyOf(string hardwareId, IEnumerable<string> modelIds, string integratorId) =>
        hardwareId + "|" + string.Join("|", modelIds) + "|" + integratorId;

    /// <summary>Servers for the summed shares of every role (N+1 adds one).</summary>
    public static int ServersFor(double shares, bool redundancy) =>
        Math.Max(1, (int)Math.Ceiling(shares - 1e-9)) + (redundancy ? 1 : 0);

    public static SearchResult Run(SolutionProblem problem)
    {
        var space = SolutionSpace.Build(problem);
        var candidates = BestFirst(space, problem.Top, problem.Requirements.BudgetMinor, out var overBudget);
        var notes = new List<string>();
        if (overBudget is { } cheapest)
        {
            notes.Add($"The cheapest solution that meets everything else costs {Money.Currency.Format(cheapest, problem.Requirements.Currency)}, above the budget of {Money.Currency.Format(problem.Requirements.BudgetMinor!.Value, problem.Requirements.Currency)}.");
        }
        notes.AddRange(space.Notes);
        var ex = Reachability.Exclusions(space);
        return new SearchResult(candidates, ex, notes);
    }

    private static List<Candidate> BestFirst(SolutionSpace space, int top, long? budget, out long? overBudget)
    {
        overBudget = null;
        var results = new List<Candidate>();
        if (space.Integrators.Count == 0 || space.Roles.Count == 0)
        {
            return results;
        }
        var queue = new PriorityQueue<State, Priority>(PriorityOrder.Instance);
        for (var h = 0; h < space.Hardware.Count; h++)
        {
            if (space.LowerBound(h, []) is { } bound)
            {
                Push(new State(h, [], 0, -1, 0), bound);
            }
        }
        while (results.Count < top && queue.TryDequeue(out var state, out var priority))
        {
            if (state.Integrator < 0)
            {
                Expand(state);
                continue;
            }
            var integrator = space.Integrators[state.Integrator];
            if (state.Integrator + 1 < space.Integrators.Count)
            {
                Push(state with { Integrator = state.Integrator + 1, Key = null }, state.BaseMinor + space.Integrators[state.Integrator + 1].CostMinor);
            }
            if (!space.Certifies(integrator.Offer, state.Hardware, state.Models))
            {
                continue;
            }
            var total = SolutionPricing.Total(priority.Value, space.Terms);
            if (budget is { } b && total > b)
            {
                overBudget ??= total;
                break;
            }
            results.Add(space.Candidate(state.Hardware, state.Models, state.Servers, state.Integrator, priority.Value, total));
        }
        return results;

        void Expand(State state)
        {
            var role = state.Models.Length;
            foreach (var m in space.Feasible(state.Hardware, role))
            {
                int[] models = [.. state.Models, m];
                if (models.Length < space.Roles.Count)
                {
                    if (space.LowerBound(state.Hardware, models) is { } bound)
                    {
                        Push(state with { Models = models }, bound);
                    }
                    continue;
                }
                if (space.Servers(state.Hardware, models) is { } servers)
                {
                    var baseMinor = space.PartnersMinor(state.Hardware, models, servers);
                    Push(new State(state.Hardware, models, servers, 0, baseMinor), baseMinor + space.Integrators[0].CostMinor);
                }
            }
        }

        void Push(State state, long value) => queue.Enqueue(state, new Priority(value, state.Integrator < 0 ? 0 : 1, state, space));
    }

    /// <summary>A server, the models chosen so far (indexes per role), and for complete ones the integrator being tried.</summary>
    private sealed record State(int Hardware, int[] Models, int Servers, int Integrator, long BaseMinor)
    {
        /// <summary>Listing ids, worded only when a tie at the same price has to be broken.</summary>
        public string? Key { get; set; }
    }

    private readonly record struct Priority(long Value, int Rank, State State, SolutionSpace Space)
    {
        public string Key => State.Integrator < 0 ? "" : State.Key ??= Space.KeyOf(State.Hardware, State.Models, State.Integrator);
    }

    /// <summary>Cheapest first; at equal value partial states before complete ones; then listing ids, ordinally.</summary>
    private sealed class PriorityOrder : IComparer<Priority>
    {
        public static PriorityOrder Instance { get; } = new();

        public int Compare(Priority x, Priority y)
        {
            var byValue = x.Value.CompareTo(y.Value);
            if (byValue != 0)
            {
                return byValue;
            }
            var byRank = x.Rank.CompareTo(y.Rank);
            return byRank != 0 ? byRank : string.CompareOrdinal(x.Key, y.Key);
        }
    }
}
