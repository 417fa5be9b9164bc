using System.Text.Json.Serialization;
using Marketplace.Host.Api.Endpoints;
using Microsoft.AspNetCore.Http.Json;
using Scalar.AspNetCore;

namespace Marketplace.Host.Api;

internal static class ApiSetup
{
    public static WebApplicationBuilder AddMarketplaceApi(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<JsonOptions>(o =>
        {
            // Enum values travel by name ("Customer"); numbers are refused rather than guessed.
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            // Absent means "not stated"; answers do not spell out every empty field.
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        });
        // Bad bodies must reach the problem mapper (which names the field) in every environment.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            c.ProblemDetails.Extensions.TryAdd("traceId", System.Diagnostics.Activity.Current?.Id ?? c.HttpContext.TraceIdentifier);
            // The framework's own 415 says nothing about what would have been accepted.
            if (c.ProblemDetails.Status == StatusCodes.Status415UnsupportedMediaType && c.ProblemDetails.Detail is null)
            {
                c.ProblemDetails.Detail = "Send the body as application/json.";
            }
        });
        builder.Services.AddExceptionHandler<ProblemMapper>();
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer<BearerSecurityTransformer>());
        return builder;
    }

    public static WebApplication MapMarketplaceApi(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference(o => o.WithTitle("Marketplace API"));
        var api = app.MapGroup("/api/v1");
        api.MapSystemEndpoints();
        api.MapOrganizationEndpoints();
        api.MapAuthEndpoints();
        api.MapPartnerEndpoints();
        api.MapListingEndpoints();
        api.MapCatalogEndpoints();
        api.MapSolutionEndpoints();
        api.MapBillingEndpoints();
        api.MapUsageEndpoints();
        api.MapSandboxEndpoints(app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Marketplace.Application.Sandbox.SandboxOptions>>());
        api.MapGenerationEndpoints();
        return app;
    }
}
