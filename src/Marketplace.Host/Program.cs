using Marketplace.Host.Api;
using Marketplace.Host.Health;
using Marketplace.Host.Hosting;
using Marketplace.Host.Observability;
using Marketplace.Host.Security;

var builder = WebApplication.CreateBuilder(args);
var options = builder.AddMarketplaceOptions();
builder.AddMarketplaceOrleans(options);
builder.AddMarketplaceServices();
builder.AddMarketplaceMediator();
builder.AddMarketplaceSecurity();
builder.AddMarketplaceApi();
builder.AddMarketplaceHealth();
builder.AddMarketplacePortalHost();
builder.AddMarketplaceTelemetry();

var app = builder.Build();
app.UseMarketplacePipeline();
app.MapMarketplaceHealth();
app.MapMarketplaceApi();
app.MapMarketplacePortal();
app.Run();

/// <summary>Visible to WebApplicationFactory in the API tests.</summary>
public partial class Program;
