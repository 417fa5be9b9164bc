using System.Reflection;
using Marketplace.Application.Operations.GetSystemInfo;
using Marketplace.Host.Configuration;
using Microsoft.Extensions.Options;

namespace Marketplace.Host;

internal sealed class RuntimeInfo(IOptions<MarketplaceOptions> options) : IRuntimeInfo
{
    public static string ProductVersion { get; } =
        typeof(RuntimeInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";

    public string Version => ProductVersion;

    public string Mode => options.Value.Mode.ToString();
}
