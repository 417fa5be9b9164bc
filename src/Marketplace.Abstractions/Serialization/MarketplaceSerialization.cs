using System.Text.Json;
using System.Text.Json.Serialization;
using Orleans.Serialization;

namespace Marketplace.Abstractions.Serialization;

/// <summary>
/// The domain stays plain C# (no Orleans attributes), so its records cross grain calls and
/// land in grain state as JSON: version tolerant by property name, and readable in the database.
/// Every silo and client registers this once.
/// </summary>
public static class MarketplaceSerialization
{
    private const string DomainNamespace = "Marketplace.Domain";

    public static JsonSerializerOptions JsonOptions { get; } = CreateOptions();

    public static ISerializerBuilder AddMarketplaceSerialization(this ISerializerBuilder builder) =>
        builder.AddJsonSerializer(IsDomainType, JsonOptions);

    public static bool IsDomainType(Type type) =>
        type.Namespace is { } ns && (ns == DomainNamespace || ns.StartsWith(DomainNamespace + ".", StringComparison.Ordinal));

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter());
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        return options;
    }
}
