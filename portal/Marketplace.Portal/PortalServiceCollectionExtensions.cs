using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Marketplace.Portal;

public static class PortalServiceCollectionExtensions
{
    public static IServiceCollection AddMarketplacePortal(this IServiceCollection services)
    {
        services.AddMudServices();
        return services;
    }
}
