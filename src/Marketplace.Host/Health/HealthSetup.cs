using Marketplace.Storage.Relational;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Marketplace.Host.Health;

internal static class HealthSetup
{
    public static WebApplicationBuilder AddMarketplaceHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck<SiloHealthCheck>("silo", tags: ["ready"])
            .AddCheck<StorageHealthCheck>("storage", tags: ["ready"])
            .AddCheck<CatalogIndexHealthCheck>("catalog-index", tags: ["ready"]);
        return builder;
    }

    public static WebApplication MapMarketplaceHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).ExcludeFromDescription();
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready") }).ExcludeFromDescription();
        return app;
    }
}

/// <summary>Ready once this silo is an active member of its cluster.</summary>
internal sealed class SiloHealthCheck(IClusterMembershipService membership, ILocalSiloDetails local) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = membership.CurrentSnapshot.GetSiloStatus(local.SiloAddress);
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy($"Silo {local.SiloAddress} is active.")
            : HealthCheckResult.Unhealthy($"Silo {local.SiloAddress} is {status}."));
    }
}

/// <summary>Ready while the grain-state store answers a query.</summary>
internal sealed class StorageHealthCheck(IStorageProbe probe) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            await probe.ProbeAsync(timeout.Token);
            return HealthCheckResult.Healthy($"{probe.StoreName} answers.");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"{probe.StoreName} does not answer: {e.Message}");
        }
    }
}

/// <summary>Ready once this silo's search index holds the published catalog (searches would be empty before).</summary>
internal sealed class CatalogIndexHealthCheck(Marketplace.Application.Catalog.Search.CatalogIndexSynchronizer synchronizer) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(synchronizer.Ready.IsCompletedSuccessfully
            ? HealthCheckResult.Healthy("The catalog index is loaded.")
            : HealthCheckResult.Unhealthy("The catalog index is still loading."));
}
