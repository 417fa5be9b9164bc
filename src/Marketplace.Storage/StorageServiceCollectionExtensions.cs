using Marketplace.Abstractions.Billing;
using Marketplace.Abstractions.Usage;
using Marketplace.Storage.Billing;
using Marketplace.Storage.Relational;
using Marketplace.Storage.Usage;
using Marketplace.Storage.Reminders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Marketplace.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the relational store for a dialect: grain storage under <paramref name="name"/>
    /// and the schema/probe service, both sharing one <see cref="RelationalSchema"/>.
    /// </summary>
    public static IServiceCollection AddRelationalGrainStorage(
        this IServiceCollection services, string name, Func<IServiceProvider, ISqlDialect> dialect)
    {
        services.AddSingleton(sp => new RelationalSchema(dialect(sp)));
        services.AddSingleton<IStorageProbe, RelationalStorageProbe>();
        services.AddSingleton<IUsageLedger, RelationalUsageLedger>();
        services.AddSingleton<IJournalStore, RelationalJournalStore>();
        services.AddSingleton<IMeteredUsageStore, RelationalMeteredUsageStore>();
        services.AddGrainStorage(name, (sp, providerName) => new RelationalGrainStorage(
            providerName,
            sp.GetRequiredService<RelationalSchema>(),
            new OrleansGrainStorageSerializer(sp.GetRequiredService<Serializer>()),
            sp.GetRequiredService<IActivatorProvider>(),
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetRequiredService<ILogger<RelationalGrainStorage>>()));
        return services;
    }

    /// <summary>Reminders in the same relational store (embedded mode).</summary>
    public static IServiceCollection AddRelationalReminders(this IServiceCollection services)
    {
        services.AddSingleton<IReminderTable, RelationalReminderTable>();
        return services;
    }
}
