using FluentValidation;
using Marketplace.Application.ApiKeys;
using Marketplace.Application.Catalog;
using Marketplace.Application.Catalog.Seeding;
using Marketplace.Application.Common.Security;
using Marketplace.Application.Sandbox;
using Marketplace.Application.Sandbox.Benchmarks;
using Marketplace.Application.Sandbox.Trials;
using Marketplace.Application.Sandbox.Costs;
using Marketplace.Application.Partners.LinkPayoutAccount;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Application;

public static class ApplicationServiceCollectionExtensions
{
    /// <summary>Validators and services of every use case; the mediator itself is generated in the host.</summary>
    public static IServiceCollection AddMarketplaceApplication(this IServiceCollection services)
    {
        // Messages name fields the way the JSON body does ("'name' must not be empty").
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) =>
            member is null ? null : Common.Validation.FieldNames.ToJsonPath(member.Name);
        services.AddSingleton<IResourceOwners, GrainResourceOwners>();
        services.AddSingleton<IPayoutAccountLinker, BankTransferPayoutLinker>();
        services.AddSingleton<IPayoutAccountLinker, StripeConnectPayoutLinker>();
        services.AddSingleton<IndustryCatalog>();
        services.AddSingleton<SeedCatalogApplier>();
        services.AddSingleton<ModelBenchmarkJobs>();
        services.AddSingleton<CostEstimator>();
        services.AddSingleton<TokenCostEstimator>();
        services.AddSingleton<Sandbox.Generations.KeyedGenerations>();
        services.AddSingleton<MeasuredBenchmarks>();
        services.AddSingleton<PublishedModels>();
        services.AddSingleton<TrialReservations>();
        services.AddSingleton<KeyedTrials>();
        services.AddSingleton<ApiKeyCache>();
        services.AddSingleton<Solutions.ISolutionOffers, Solutions.SolutionOffers>();
        services.AddSingleton<Solutions.SolutionProblems>();
        return services.AddValidatorsFromAssemblyContaining<ApplicationMarker>(ServiceLifetime.Singleton, includeInternalTypes: true);
    }
}

/// <summary>Names this assembly for scanning (mediator handlers, validators).</summary>
public sealed class ApplicationMarker;
