using Marketplace.Application.Catalog.Seeding;
using Marketplace.Domain.Catalog;
using Marketplace.Host.Configuration;
using Microsoft.Extensions.Options;

namespace Marketplace.Host.Catalog;

/// <summary>
/// Applies the seed catalog once the silo runs (skipped when the same content was applied before),
/// then the demo users when demo mode is on. An invalid catalog is logged, never fatal.
/// </summary>
internal sealed partial class SeedCatalogStartup(
    ISeedCatalogSource source,
    SeedCatalogApplier applier,
    DemoUsers demoUsers,
    IOptions<MarketplaceOptions> options,
    ILogger<SeedCatalogStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Seed.Enabled)
        {
            return;
        }
        try
        {
            await applier.ApplyAsync(source.Load(), force: false, cancellationToken);
            if (options.Value.DemoEnabled)
            {
                await demoUsers.EnsureAsync(cancellationToken);
            }
        }
        catch (SeedCatalogException e)
        {
            LogInvalid(e.Errors.Count, string.Join(Environment.NewLine, e.Errors));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The product serves without its seed data; an operator can reload the catalog later.
            LogFailed(e);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Error, Message = "Applying the seed catalog failed; the operator can reload it")]
    private partial void LogFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The seed catalog has {Count} problems and was not applied:\n{Errors}")]
    private partial void LogInvalid(int count, string errors);
}
