using Marketplace.Abstractions.Sandbox;
using Marketplace.Application.Common.Security;
using Marketplace.Application.Listings;
using Marketplace.Domain.Sandbox;
using Mediator;

namespace Marketplace.Application.Sandbox.Benchmarks;

/// <summary>The owning partner (or an operator) measures the model again, now, on every device class.</summary>
public sealed record RunModelBenchmark(string ListingId) : ICommand<IReadOnlyList<DeviceBenchmark>>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Listing(ListingId);
}

/// <summary>A published model's measurements and what it costs per 1k inferences on each hardware offering.</summary>
public sealed record GetModelPerformance(string ListingId) : IQuery<ModelPerformance>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Anyone;
}

public sealed record ModelPerformance(string ListingId, string Version, IReadOnlyList<DeviceBenchmark> Benchmarks, IReadOnlyList<CostEstimate> CostEstimates);

public sealed class ModelBenchmarkHandlers(IGrainFactory grains, ModelBenchmarkJobs jobs, Costs.CostEstimator costs) :
    ICommandHandler<RunModelBenchmark, IReadOnlyList<DeviceBenchmark>>,
    IQueryHandler<GetModelPerformance, ModelPerformance>
{
    public async ValueTask<IReadOnlyList<DeviceBenchmark>> Handle(RunModelBenchmark command, CancellationToken cancellationToken)
    {
        await grains.ExistingListingAsync(command.ListingId);
        return await jobs.RunAsync(command.ListingId);
    }

    public async ValueTask<ModelPerformance> Handle(GetModelPerformance query, CancellationToken cancellationToken)
    {
        var model = await SandboxModels.PublishedAsync(grains, query.ListingId);
        var benchmarks = (await grains.GetGrain<IModelBenchmarksGrain>(query.ListingId).ListAsync())
            .Where(b => b.ArtifactSha256 == model.Artifact.Sha256)
            .ToList();
        return new ModelPerformance(query.ListingId, model.Version, benchmarks, await costs.EstimateAsync(model, benchmarks, cancellationToken));
    }
}
