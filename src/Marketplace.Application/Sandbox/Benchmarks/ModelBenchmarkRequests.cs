using Marketplace.Abstractions.Sandbox;
using Marketplace.Application.Common.Security;
using Marketplace.Application.Listings;
using Marketplace.Abstractions.Listings;
using Marketplace.Domain.Common;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Sandbox;
using Marketplace.Domain.Vocabulary;
using Mediator;

namespace Marketplace.Application.Sandbox.Benchmarks;

/// <summary>The owning partner (or an operator) measures the model again, now, on every device class.</summary>
public sealed record RunModelBenchmark(string ListingId) : ICommand<IReadOnlyList<DeviceBenchmark>>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Listing(ListingId);
}

/// <summary>
/// A published model's measurements and what it costs on each hardware offering: per 1k inferences,
/// or for a text-generation model per 1M output and input tokens (a roofline estimate even before
/// its vendor uploads a file).
/// </summary>
public sealed record GetModelPerformance(string ListingId) : IQuery<ModelPerformance>, IAuthorizedRequest
{
    Access IAuthorizedRequest.Access => Access.Anyone;
}

public sealed record ModelPerformance(
    string ListingId,
    string Version,
    IReadOnlyList<DeviceBenchmark> Benchmarks,
    IReadOnlyList<CostEstimate> CostEstimates,
    IReadOnlyList<TokenCostEstimate>? TokenCostEstimates = null,
    string? Unavailable = null); // Why it cannot be tried yet (a generation model priced per token before its files are complete).

public sealed class ModelBenchmarkHandlers(IGrainFactory grains, ModelBenchmarkJobs jobs, Costs.CostEstimator costs, Costs.TokenCostEstimator tokenCosts) :
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
        if (await PublishedGeneratorAsync(query.ListingId) is var (version, spec, file))
        {
            var measured = file is null ? [] : await MeasuredAsync(query.ListingId, file.Sha256);
            return new ModelPerformance(query.ListingId, version, measured, [], await tokenCosts.EstimateAsync(spec, file, measured, cancellationToken),
                await WhyNotRunnableAsync(query.ListingId));
        }
        var model = await SandboxModels.PublishedAsync(grains, query.ListingId);
        var benchmarks = (await grains.GetGrain<IModelBenchmarksGrain>(query.ListingId).ListAsync())
            .Where(b => b.ArtifactSha256 == model.Artifact.Sha256)
            .ToList();
        return new ModelPerformance(query.ListingId, model.Version, benchmarks, await costs.EstimateAsync(model, benchmarks, cancellationToken));
    }

    /// <summary>
    /// A published text-generation model (priced per token whichever adapter it has: the seed
    /// catalog lists them before their vendors upload a decoder): its version, spec and validated
    /// file (null until there is one).
    /// </summary>
    private async Task<(string Version, ModelSpec Spec, ModelArtifact? File)?> PublishedGeneratorAsync(string listingId)
    {
        if (!Identifiers.LooksLike(listingId, "lst"))
        {
            return null;
        }
        var listing = grains.GetGrain<IListingGrain>(listingId);
        if (await listing.GetPublishedAsync() is not { Content.Model: { Task: ModelTasks.TextGeneration } spec } published)
        {
            return null;
        }
        var runnable = (await listing.GetSandboxModelAsync()).Value;
        return (published.Version, spec, runnable?.Version == published.Version ? runnable.Artifact : null);
    }

    private async Task<string?> WhyNotRunnableAsync(string listingId)
    {
        try
        {
            await SandboxModels.PublishedAsync(grains, listingId);
            return null;
        }
        catch (Abstractions.Errors.ConflictException e)
        {
            return e.Message;
        }
    }

    private async Task<IReadOnlyList<DeviceBenchmark>> MeasuredAsync(string listingId, string sha256) =>
        (await grains.GetGrain<IModelBenchmarksGrain>(listingId).ListAsync()).Where(b => b.ArtifactSha256 == sha256).ToList();
}
