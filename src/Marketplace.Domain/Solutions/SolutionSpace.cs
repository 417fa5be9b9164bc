namespace Marketplace.Domain.Solutions;

/// <summary>
/// A search's prepared inputs: the listings that pass their own rules, priced in the quote's
/// currency, every model sized on every server, and the integrators in price order. Listings that
/// fail their own rules are recorded with the reason.
/// </summary>
internal sealed class SolutionSpace
{
    public sealed record HardwareEntry(HardwareOffer Offer, Price Price, double UsableBytes);

    public sealed record ModelEntry(ModelOffer Offer, Price Price);

    public sealed record IntegratorEntry(IntegratorOffer Offer, long CostMinor);

    private readonly Dictionary<(int, int, int), long> _cheapestModel = [];

    private SolutionSpace(SolutionProblem problem)
    {
        Problem = problem;
        Roles = problem.Requirements.Roles;
    }

    public SolutionProblem Problem { get; }

    public SolutionRequirements Requirements => Problem.Requirements;

    public PriceTerms Terms => Problem.Terms;

    public IReadOnlyList<SolutionRole> Roles { get; }

    public List<HardwareEntry> Hardware { get; } = [];

    /// <summary>Per role, the models of its task that pass their own rules.</summary>
    public List<ModelEntry>[] Models { get; private set; } = [];

    public List<IntegratorEntry> Integrators { get; } = [];

    /// <summary>[hardware][role][model]: the sizing, or null with the refusal beside it.</summary>
    public SizingResult[][][] Sizing { get; private set; } = [];

    /// <summary>[hardware][role]: the models that run there as required.</summary>
    public int[][][] FeasibleModels { get; private set; } = [];

    public List<Exclusion> Excluded { get; } = [];

    public List<string> Notes { get; } = [];

    public static SolutionSpace Build(SolutionProblem problem)
    {
        var space = new SolutionSpace(problem);
        var requirements = problem.Requirements;
        var terms = problem.Terms;
        var relevant = requirements.Roles.Select(r => r.Task).ToHashSet(StringComparer.Ordinal);
        var priced = new Dictionary<string, Price>(StringComparer.Ordinal);
        foreach (var model in problem.Models.Where(m => relevant.Contains(m.Task)))
        {
            var (price, refusal) = SolutionPricing.Model(model, requirements, terms);
            if ((Compatibility.WhyNot(model, requirements) ?? refusal) is { } why)
            {
                space.Excluded.Add(new Exclusion(model.Id, model.Name, "Model", why));
            }
            else
            {
                priced[model.Id] = price!.Value;
            }
        }
        space.Models = requirements.Roles
            .Select(role => problem.Models.Where(m => m.Task == role.Task && priced.ContainsKey(m.Id)).Select(m => new ModelEntry(m, priced[m.Id])).ToList())
            .ToArray();
        foreach (var hardware in problem.Hardware)
        {
            var (price, refusal) = SolutionPricing.Hardware(hardware, requirements, terms);
            if ((Compatibility.WhyNot(hardware, requirements, problem.Today) ?? refusal) is { } why)
            {
                space.Excluded.Add(new Exclusion(hardware.Id, hardware.Name, "Hardware", why));
            }
            else
            {
                space.Hardware.Add(new HardwareEntry(hardware, price!.Value, hardware.MemoryBytes * (1 - Sizer.Headroom)));
            }
        }
        foreach (var integrator in problem.Integrators)
        {
            var (cost, refusal) = SolutionPricing.Integrator(integrator, requirements, terms);
            if ((Compatibility.WhyNot(integrator, requirements, problem.Today) ?? refusal) is { } why)
            {
                space.Excluded.Add(new Exclusion(integrator.Id, integrator.Name, "Integrator", why));
            }
            else
            {
                space.Integrators.Add(new IntegratorEntry(integrator, cost!.Value));
            }
        }
        space.Integrators.Sort((a, b) => a.CostMinor != b.CostMinor ? a.CostMinor.CompareTo(b.CostMinor) : string.CompareOrdinal(a.Offer.Id, b.Offer.Id));
        space.SizeEverything();
        return space;
    }

    /// <summary>
    /// Every model of every role on every server. Offerings with the same accelerators size alike
    /// (a catalog has far fewer server designs than offerings), so each design is sized once.
    /// </summary>
    private void SizeEverything()
    {
        Sizing = new SizingResult[Hardware.Count][][];
        FeasibleModels = new int[Hardware.Count][][];
        LeastShare = new double[Hardware.Count][];
        var designs = new Dictionary<HardwareDesign, int>();
        for (var h = 0; h < Hardware.Count; h++)
        {
            if (designs.TryGetValue(HardwareDesign.Of(Hardware[h].Offer), out var same))
            {
                (Sizing[h], FeasibleModels[h], LeastShare[h]) = (Sizing[same], FeasibleModels[same], LeastShare[same]);
                continue;
            }
            designs[HardwareDesign.Of(Hardware[h].Offer)] = h;
            Sizing[h] = new SizingResult[Roles.Count][];
            FeasibleModels[h] = new int[Roles.Count][];
            LeastShare[h] = new double[Roles.Count];
            for (var r = 0; r < Roles.Count; r++)
            {
                var models = Models[r];
                var results = new SizingResult[models.Count];
                var feasible = new List<int>();
                var least = double.MaxValue;
                for (var m = 0; m < models.Count; m++)
                {
                    results[m] = Sizer.Size(models[m].Offer, Hardware[h].Offer, Requirements, Problem.Calibration);
                    if (results[m].Sizing is { } sizing)
                    {
                        feasible.Add(m);
                        least = Math.Min(least, Requirements.PeakRequestsPerSecond / sizing.PerServerPerSecond);
                    }
                }
                Sizing[h][r] = results;
                FeasibleModels[h][r] = [.. feasible];
                LeastShare[h][r] = least;
            }
        }
    }

    /// <summary>What decides how a model runs on a server: its accelerators, memory and speed, not who sells it where.</summary>
    private readonly record struct HardwareDesign(string Device, int Devices, double MemoryBytes, double? PeakTflops, double BandwidthGbps, bool Owned)
    {
        public static HardwareDesign Of(HardwareOffer h) =>
            new(h.DeviceName, h.Devices, h.MemoryBytes, Sizer.PeakTflops(h), h.Spec.MemoryBandwidthGbps, h.Owned);
    }

    /// <summary>[hardware][role]: the smallest share of a server any model of the role takes there.</summary>
    public double[][] LeastShare { get; private set; } = [];

    public int[] Feasible(int hardware, int role) => FeasibleModels[hardware][role];

    public double Share(int hardware, int role, int model) =>
        Requirements.PeakRequestsPerSecond / Sizing[hardware][role][model].Sizing!.PerServerPerSecond;

    /// <summary>
    /// Every completion of (hardware, chosen models) costs at least this: the fewest servers the
    /// chosen and the most efficient remaining models need, each remaining role at its cheapest
    /// price for that many servers, and the cheapest integrator. Null when no completion exists.
    /// </summary>
    public long? LowerBound(int hardware, int[] chosen)
    {
        var shares = 0.0;
        for (var r = 0; r < Roles.Count; r++)
        {
            if (r < chosen.Length)
            {
                shares += Share(hardware, r, chosen[r]);
                continue;
            }
            if (FeasibleModels[hardware][r].Length == 0)
            {
                return null;
            }
            shares += LeastShare[hardware][r];
        }
        var servers = SolutionSearch.ServersFor(shares, Requirements.Redundancy);
        var entry = Hardware[hardware];
        if (entry.Offer.AvailableServers is { } available && servers > available)
        {
            return null;
        }
        var total = entry.Price.For(servers) + Integrators[0].CostMinor;
        for (var r = 0; r < Roles.Count; r++)
        {
            total += r < chosen.Length ? Models[r][chosen[r]].Price.For(servers) : CheapestModel(hardware, r, servers);
        }
        return total;
    }

    private long CheapestModel(int hardware, int role, int servers)
    {
        if (_cheapestModel.TryGetValue((hardware, role, servers), out var known))
        {
            return known;
        }
        var least = long.MaxValue;
        foreach (var m in FeasibleModels[hardware][role])
        {
            least = Math.Min(least, Models[role][m].Price.For(servers));
        }
        _cheapestModel[(hardware, role, servers)] = least;
        return least;
    }

    /// <summary>Servers a complete set of models needs on this hardware, or null when they do not fit together.</summary>
    public int? Servers(int hardware, int[] models)
    {
        var shares = 0.0;
        var memory = 0.0;
        for (var r = 0; r < models.Length; r++)
        {
            shares += Share(hardware, r, models[r]);
            memory += Sizing[hardware][r][models[r]].Sizing!.MemoryBytes;
        }
        var servers = SolutionSearch.ServersFor(shares, Requirements.Redundancy);
        var entry = Hardware[hardware];
        return memory > entry.UsableBytes || (entry.Offer.AvailableServers is { } available && servers > available) ? null : servers;
    }

    public long PartnersMinor(int hardware, int[] models, int servers)
    {
        var total = Hardware[hardware].Price.For(servers);
        for (var r = 0; r < models.Length; r++)
        {
            total += Models[r][models[r]].Price.For(servers);
        }
        return total;
    }

    public bool Certifies(IntegratorOffer integrator, int hardware, int[] models)
    {
        if (!Compatibility.CertifiesHardware(integrator, Hardware[hardware].Offer))
        {
            return false;
        }
        for (var r = 0; r < models.Length; r++)
        {
            if (!Compatibility.Certifies(integrator, Models[r][models[r]].Offer.Id))
            {
                return false;
            }
        }
        return true;
    }

    public string KeyOf(int hardware, int[] models, int integrator) =>
        SolutionSearch.KeyOf(Hardware[hardware].Offer.Id, models.Select((m, r) => Models[r][m].Offer.Id), Integrators[integrator].Offer.Id);

    public Candidate Candidate(int hardware, int[] models, int servers, int integrator, long subtotal, long total)
    {
        var entry = Hardware[hardware];
        var memory = 0.0;
        var choices = new List<RoleChoice>();
        for (var r = 0; r < models.Length; r++)
        {
            var sizing = Sizing[hardware][r][models[r]].Sizing!;
            memory += sizing.MemoryBytes;
            choices.Add(new RoleChoice(Roles[r], Models[r][models[r]].Offer, sizing, Share(hardware, r, models[r])));
        }
        return new Candidate
        {
            Models = choices,
            Integrator = Integrators[integrator].Offer,
            Hardware = entry.Offer,
            Servers = servers,
            SubtotalMinor = subtotal,
            TotalMinor = total,
            MemoryUsedBytes = memory,
            MemoryUsableBytes = entry.UsableBytes,
        };
    }
}
