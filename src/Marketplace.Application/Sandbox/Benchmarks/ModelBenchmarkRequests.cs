using Marketplace.Abstractions.Sandbox;
using Marketplace.Application.Common.Security;
using Marketplace.Application.Listings;
using Marketplace.Abstractions.Listings;
using Marketplace.Domain.Common;
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
        // One read of the published runnable model serves every case; only a model without a file reads more.
        var listing = Identifiers.LooksLike(query.ListingId, "lst") ? grains.GetGrain<IListingGrain>(query.ListingId) : null;
        var runnable = listing is null ? null : (await listing.GetSandboxModelAsync()).Value;
        if (runnable is { Spec.Task: ModelTasks.TextGeneration })
        {
            var measured = await MeasuredAsync(query.ListingId, runnable.Artifact.Sha256);
            return new ModelPerformance(query.ListingId, runnable.Version, measured, [],
                await tokenCosts.EstimateAsync(runnable.Spec, runnable.Artifact, measured, cancellationToken), await RefusalOf(() => Task.FromResult(SandboxModels.Runnable(runnable))));
        }
        if (runnable is null && listing is not null && await listing.GetPublishedAsync() is { Content.Model: { Task: ModelTasks.TextGeneration } spec } published)
        {
            // A generation model is priced per token before its vendor uploads a decoder (the seed catalog's are).
            return new ModelPerformance(query.ListingId, published.Version, [], [], await tokenCosts.EstimateAsync(spec, null, [], cancellationToken),
                await RefusalOf(() => SandboxModels.PublishedAsync(grains, query.ListingId)));
        }
        var model = runnable is null ? await SandboxModels.PublishedAsync(grains, query.ListingId) : SandboxModels.Runnable(runnable);
        var benchmarks = await MeasuredAsync(query.ListingId, model.Artifact.Sha256);
        return new ModelPerformance(query.ListingId, model.Version, benchmarks, await costs.EstimateAsync(model, benchmarks, cancellationToken));
    }

    /// <summary>Why the model cannot be tried yet (the sandbox's own refusal), or null.</summary>
    private static async Task<string?> RefusalOf(Func<Task<SandboxModel>> check)
    {
        try
        {
            await check();
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
