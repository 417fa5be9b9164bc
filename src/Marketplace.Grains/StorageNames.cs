namespace Marketplace.Grains;

/// <summary>Names of the grain storage providers the host registers.</summary>
public static class StorageNames
{
    public const string Default = "Default";
}
