using Marketplace.Abstractions.Files;
using Marketplace.Application.ApiKeys.Bootstrap;
using Marketplace.Application.Catalog;
using Marketplace.Application.Catalog.Search;
using Marketplace.Application.Catalog.Seeding;
using Marketplace.Application.Operations.GetSystemInfo;
using Marketplace.Application.Users.Demo;
using Marketplace.Connectors.CatalogFiles;
using Marketplace.Abstractions.Billing;
using Marketplace.Connectors.Documents;
using Marketplace.Connectors.Stripe;
using Marketplace.Domain.Billing;
using Marketplace.Domain.Catalog;
using Marketplace.Domain.Solutions;
using Marketplace.Grains.Cluster;
using Marketplace.Host.Configuration;
using Marketplace.Host.Security;
using Marketplace.Portal;
using Marketplace.Storage.Artifacts;
using Microsoft.Extensions.Options;
using Orleans.Dashboard;

namespace Marketplace.Host.Hosting;

internal static class HostSetup
{
    private const string DefaultUrl = "http://localhost:5080";

    /// <summary>Binds and validates the "Marketplace" section; picks the default address.</summary>
    public static MarketplaceOptions AddMarketplaceOptions(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MarketplaceOptions>().Bind(builder.Configuration.GetSection(MarketplaceOptions.Section));
        var options = builder.Configuration.GetSection(MarketplaceOptions.Section).Get<MarketplaceOptions>() ?? new MarketplaceOptions();
        options.DataPath = Path.GetFullPath(options.DataPath);
        builder.Services.PostConfigure<MarketplaceOptions>(o => o.DataPath = options.DataPath);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }
        // Serves MudBlazor's and the portal's files from build output in every environment, not
        // only in Development (a published app carries them itself and ignores this).
        builder.WebHost.UseStaticWebAssets();
        return options;
    }

    public static WebApplicationBuilder AddMarketplaceServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IRuntimeInfo, RuntimeInfo>();
        builder.AddMarketplaceSandbox();
        builder.Services.AddSingleton<IContentStore>(sp => new ContentAddressedStore(sp.GetRequiredService<IOptions<MarketplaceOptions>>().Value.ResolvedArtifactsPath));
        builder.Services.AddSingleton<ISeedCatalogSource>(sp => new FileSeedCatalogSource(sp.GetRequiredService<IOptions<MarketplaceOptions>>().Value.CatalogPath));
        builder.Services.AddOptions<SeedingOptions>().Configure<IOptions<MarketplaceOptions>>((seeding, marketplace) =>
        {
            seeding.Enabled = marketplace.Value.Seed.Enabled;
            seeding.DemoUsers = marketplace.Value.DemoEnabled;
        });
        builder.Services.AddSingleton<DemoUsers>();
        builder.Services.AddSingleton<IQuotePrinter, QuotePdf>();
        builder.Services.AddSingleton<IInvoicePrinter, InvoicePdf>();
        builder.Services.Configure<StripeOptions>(builder.Configuration.GetSection(StripeOptions.Section));
        builder.Services.AddSingleton<IPaymentWebhooks, StripeWebhooks>();
        // One Stripe client (and its rate limiter) for every Stripe call the process makes.
        builder.Services.AddSingleton(sp => new StripeGateway(sp.GetRequiredService<IOptions<StripeOptions>>()));
        builder.Services.AddSingleton<IPaymentCheckout>(sp => new StripeCheckout(sp.GetRequiredService<StripeGateway>()));
        builder.Services.AddSingleton<IPayoutAccountOnboarding>(sp => new StripeConnect(sp.GetRequiredService<StripeGateway>()));
        builder.Services.AddSingleton<IPartnerTransfers>(sp => new StripeTransfers(sp.GetRequiredService<StripeGateway>()));
        builder.Services.AddSingleton<IPaymentRefunds>(sp => new StripeRefunds(sp.GetRequiredService<StripeGateway>()));
        builder.Services.AddSingleton<IGatewayRecords>(sp => new StripeRecords(sp.GetRequiredService<StripeGateway>()));
        builder.Services.AddOptions<AdminKeyOptions>().Configure<IOptions<MarketplaceOptions>>((admin, marketplace) =>
        {
            admin.Key = marketplace.Value.Bootstrap.AdminApiKey;
            admin.GenerateWhenMissing = marketplace.Value.Mode == HostingMode.Embedded;
            admin.DataPath = marketplace.Value.DataPath;
        });
        builder.Services.AddHostedService<BootstrapAdminKey>();
        builder.Services.AddHostedService<SeedCatalogStartup>();
        builder.Services.AddSingleton<CatalogSearchIndex>();
        builder.Services.AddSingleton<ICatalogSearch>(sp => sp.GetRequiredService<CatalogSearchIndex>());
        builder.Services.AddSingleton<CatalogIndexSynchronizer>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CatalogIndexSynchronizer>());
        builder.Services.AddHostedService<DeviceAdvertiser>();
        return builder;
    }

    public static WebApplicationBuilder AddMarketplacePortalHost(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMarketplacePortal();
        return builder;
    }

    public static WebApplication UseMarketplacePipeline(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.ShareHttpUserWithBlazor();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapMarketplacePortal(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapOrleansDashboard(routePrefix: "/dashboard")
            .RequireAuthorization(SecurityPipeline.OperatorPolicy)
            .ExcludeFromDescription();
        return app;
    }
}
