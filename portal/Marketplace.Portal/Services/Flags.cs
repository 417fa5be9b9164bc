namespace Marketplace.Portal.Services;

/// <summary>
/// Blazor drops a data attribute bound to false and writes an empty one for true; tests and
/// scripts read "true" or "false" instead.
/// </summary>
public static class Flags
{
    public static string Flag(bool value) => value ? "true" : "false";
}
