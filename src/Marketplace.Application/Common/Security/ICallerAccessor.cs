namespace Marketplace.Application.Common.Security;

/// <summary>
/// Gives the current caller to the pipeline. The host implements it over the authentication state,
/// which HTTP requests and portal circuits both provide, so both get the same checks.
/// </summary>
public interface ICallerAccessor
{
    ValueTask<Caller> GetCallerAsync(CancellationToken cancellationToken);
}
