using Marketplace.Application.Identity.GetCurrentCaller;
using Marketplace.Application.Operations.GetSystemInfo;
using Mediator;

namespace Marketplace.Host.Api.Endpoints;

internal static class SystemEndpoints
{
    public static void MapSystemEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/system/info", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetSystemInfo(), ct)))
            .WithTags("Operator: system")
            .WithSummary("Version, mode, active silos and their compute devices (operator).");
        api.MapGet("/me", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetCurrentCaller(), ct)))
            .WithTags("Identity")
            .WithSummary("Who the caller is.");
    }
}
