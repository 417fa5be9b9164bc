using Marketplace.Application.Users.Demo;
using Marketplace.Domain.Catalog;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Marketplace.Application.Catalog.Seeding;

/// <summary>What a starting silo puts in place (the host sets it from configuration).</summary>
public sealed class SeedingOptions
{
    /// <summary>Apply the seed catalog at start (skipped when unchanged since the last start).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Create the demo users the README lists.</summary>
    public bool DemoUsers { get; set; }
}

/// <summary>
/// Applies the seed catalog once the silo runs (skipped when the same content was applied before),
/// then the demo users when demo mode is on. An invalid catalog is logged, never fatal.
/// </summary>
public sealed partial class SeedCatalogStartup(
    ISeedCatalogSource source,
    SeedCatalogApplier applier,
    DemoUsers demoUsers,
    IOptions<SeedingOptions> options,
    ILogger<SeedCatalogStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }
        try
        {
            await applier.ApplyAsync(source.Load(), force: false, cancellationToken);
            if (options.Value.DemoUsers)
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
