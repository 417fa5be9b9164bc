using Marketplace.Domain.Catalog;
using Marketplace.Domain.Listings;
using Marketplace.Portal.Services;

namespace Marketplace.Portal.Components.Listings;

/// <summary>The specification of a listing as label/value rows for its kind; unstated values are left out.</summary>
public static class SpecificationRows
{
    public static IReadOnlyList<(string Label, string Value)> For(ListingContent content)
    {
        var rows = new List<(string, string?)>();
        switch (content.Kind)
        {
            case ListingKind.Model when content.Model is { } m:
                rows.Add(("Task", m.Task));
                rows.Add(("Modality", m.Modality));
                rows.Add(("Licence", m.License));
                rows.Add(("Parameters", m.ParameterCount is { } p ? CatalogComparison.Parameters(p) : null));
                rows.Add(("Precision", m.Precision));
                rows.Add(("Memory footprint", m.MemoryFootprintMb is { } mb ? $"{PortalFormat.Number(mb)} MB" : null));
                rows.Add(("Deployment", m.Deployment.Count > 0 ? string.Join(", ", m.Deployment.Select(d => d == DeploymentOption.Private ? "Private (on-premise)" : "Cloud")) : null));
                rows.Add(("Sandbox adapter", m.Adapter));
                rows.Add(("FLOPs per inference", m.FlopsPerInference is { } f ? f.ToString("0.###e+0", System.Globalization.CultureInfo.InvariantCulture) : null));
                break;
            case ListingKind.Integrator when content.Integrator is { } i:
                rows.Add(("Capabilities", i.Capabilities.Count > 0 ? string.Join(", ", i.Capabilities) : null));
                rows.Add(("Delivery capacity", i.DeliveryCapacityPerQuarter is { } c ? $"{c} projects per quarter" : null));
                rows.Add(("Lead time", i.LeadTimeWeeks is { } w ? Weeks(w) : null));
                break;
            case ListingKind.Hardware when content.Hardware is { } h:
                var cpuOnly = h.AcceleratorType.Equals("none", StringComparison.OrdinalIgnoreCase);
                rows.Add(("Accelerator", cpuOnly ? "None (CPU only)" : $"{h.AcceleratorCount} × {h.AcceleratorType}"));
                rows.Add(("Memory per accelerator", h.MemoryPerAcceleratorGb > 0 ? $"{PortalFormat.Number(h.MemoryPerAcceleratorGb)} GB" : null));
                rows.Add(("Peak bf16 (dense, each)", h.PeakBf16Tflops > 0 ? $"{PortalFormat.Number(h.PeakBf16Tflops)} TFLOPS" : null));
                rows.Add(("Peak fp16 (dense, each)", h.PeakFp16Tflops is > 0 and var fp16 ? $"{PortalFormat.Number(fp16)} TFLOPS" : null));
                rows.Add(("Memory bandwidth (each)", h.MemoryBandwidthGbps > 0 ? $"{PortalFormat.Number(h.MemoryBandwidthGbps)} GB/s" : null));
                rows.Add(("CPU", h.Cpu));
                rows.Add(("RAM", h.RamGb is { } ram ? $"{PortalFormat.Number(ram)} GB" : null));
                rows.Add(("Power", h.PowerWatts is { } watts ? $"{PortalFormat.Number(watts)} W" : null));
                rows.Add(("Form factor", h.FormFactor));
                rows.Add(("Lead time", h.LeadTimeWeeks is { } lead ? Weeks(lead) : null));
                break;
        }
        rows.Add(("Regions", content.Regions.Count > 0 ? string.Join(", ", content.Regions) : null));
        rows.Add(("Tags", content.Tags.Count > 0 ? string.Join(", ", content.Tags) : null));
        return rows.Where(r => !string.IsNullOrWhiteSpace(r.Item2)).Select(r => (r.Item1, r.Item2!)).ToList();
    }

    private static string Weeks(int weeks) => weeks == 1 ? "1 week" : $"{weeks} weeks";
}
