using Marketplace.Abstractions.Errors;
using Marketplace.Portal.Services;
using Mediator;
using Microsoft.AspNetCore.Components;

namespace Marketplace.Portal.Components;

/// <summary>
/// A page or component that sends requests through the mediator and shows what went wrong, in
/// one place instead of a try/catch per call.
/// </summary>
/// <remarks>
/// A request that fails answers null (or false) and leaves its problem in <see cref="Problem"/>:
/// the component shows it with <c>&lt;ErrorAlert Error="Problem" /&gt;</c>, or answers a problem it
/// expects itself (<c>Problem is NotFoundException</c> for a "no such listing" page). A form passes
/// its <see cref="FieldErrors"/>, and a validation problem then goes next to each input instead of
/// into <see cref="Problem"/>. Only <see cref="MarketplaceException"/>s are caught: anything else
/// is a bug and reaches Blazor's error boundary as before.
/// </remarks>
public abstract class PortalComponentBase : ComponentBase
{
    [Inject]
    protected IMediator Mediator { get; set; } = default!;

    /// <summary>What went wrong with the last request; cleared when the next one starts.</summary>
    protected MarketplaceException? Problem { get; set; }

    /// <summary>
    /// Sends a query; null when it failed. A request superseded by a later one (its token cancelled)
    /// answers null and leaves <see cref="Problem"/> and the field errors to the later one.
    /// </summary>
    protected async Task<T?> SendAsync<T>(IQuery<T> query, FieldErrors? fields = null, CancellationToken cancellationToken = default)
        where T : class
    {
        T? response = null;
        return await TryAsync(async token => response = await Mediator.Send(query, token), fields, cancellationToken) ? response : null;
    }

    /// <summary>Sends a command; null when it failed (see the query overload).</summary>
    protected async Task<T?> SendAsync<T>(ICommand<T> command, FieldErrors? fields = null, CancellationToken cancellationToken = default)
        where T : class
    {
        T? response = null;
        return await TryAsync(async token => response = await Mediator.Send(command, token), fields, cancellationToken) ? response : null;
    }

    /// <summary>Sends a command that answers nothing; false when it failed.</summary>
    protected Task<bool> SendAsync(ICommand command, FieldErrors? fields = null, CancellationToken cancellationToken = default) =>
        TryAsync(async token => await Mediator.Send(command, token), fields, cancellationToken);

    /// <summary>Several requests that succeed or fail as one step (a page's loads); false when one failed.</summary>
    protected Task<bool> TryAsync(Func<Task> work, FieldErrors? fields = null) => TryAsync(_ => work(), fields, CancellationToken.None);

    /// <summary>
    /// A query for something the page can do without (a name to show instead of an id): null when
    /// it fails, and the failure is shown nowhere.
    /// </summary>
    protected async Task<T?> LookUpAsync<T>(IQuery<T> query)
        where T : class
    {
        try
        {
            return await Mediator.Send(query);
        }
        catch (MarketplaceException)
        {
            return null;
        }
    }

    private async Task<bool> TryAsync(Func<CancellationToken, Task> work, FieldErrors? fields, CancellationToken cancellationToken)
    {
        Problem = null;
        fields?.Clear();
        try
        {
            await work(cancellationToken);
            return !cancellationToken.IsCancellationRequested;
        }
        catch (Exception e) when (cancellationToken.IsCancellationRequested && e is MarketplaceException or OperationCanceledException)
        {
            return false;
        }
        catch (RequestValidationException e) when (fields is not null)
        {
            fields.Set(e.Errors);
            return false;
        }
        catch (MarketplaceException e)
        {
            Problem = e;
            return false;
        }
    }
}
