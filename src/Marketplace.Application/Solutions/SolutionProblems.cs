using Marketplace.Abstractions.Solutions;
using Marketplace.Application.Catalog;
using Marketplace.Domain.Billing;
using Marketplace.Domain.Solutions;

namespace Marketplace.Application.Solutions;

/// <summary>
/// Puts a search together: the requirements, the published offers (or, with owned hardware, the
/// customer's accelerators), the operator's terms for the region, the calibration from the
/// sandbox's measurements, and today's date.
/// </summary>
public sealed class SolutionProblems(IGrainFactory grains, ISolutionOffers offers, IndustryCatalog industries, TimeProvider time)
{
    public const string TaxName = InvoiceSchedule.TaxName;

    public static string TaxPartnerId => InvoiceSchedule.TaxPartnerId;

    public Task<(SolutionProblem Problem, OfferSet Offers, IReadOnlyList<string> Notes)> BuildAsync(RequirementsInput input, int top) =>
        BuildAsync(input.ToRequirements(industries), top);

    public async Task<(SolutionProblem Problem, OfferSet Offers, IReadOnlyList<string> Notes)> BuildAsync(SolutionRequirements requirements, int top)
    {
        var set = await offers.LoadAsync();
        var terms = await grains.GetGrain<IPlatformTermsGrain>(0).GetAsync();
        var notes = new List<string>();
        IReadOnlyList<HardwareOffer> hardware = set.Hardware;
        if (requirements.OwnedHardware is { } owned)
        {
            var mine = SolutionOffers.Owned(owned, set.Hardware);
            hardware = mine is null ? [] : [mine];
            if (mine is null)
            {
                notes.Add($"No hardware listing describes a {owned.AcceleratorType}, so its memory and speed are unknown; choose an accelerator type the catalog lists.");
            }
        }
        var problem = new SolutionProblem
        {
            Requirements = requirements,
            Models = set.Models,
            Integrators = set.Integrators,
            Hardware = hardware,
            Terms = terms.ForRegion(requirements.Region),
            Calibration = new EfficiencyCalibration(set.Models, set.Hardware),
            Today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime),
            Top = top,
        };
        return (problem, set, notes);
    }
}
