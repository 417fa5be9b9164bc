using Bunit;
using Marketplace.Application.Common.Security;
using Mediator;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Marketplace.Portal.Tests;

/// <summary>A bUnit context with MudBlazor, the fake mediator and a signed-in caller.</summary>
public abstract class PortalTest : IAsyncLifetime
{
    /// <param name="clock">
    /// A clock for the components that read the date (a fake one); MudBlazor's debounce timers run on
    /// it too, so tests that type into debounced fields keep the system clock.
    /// </param>
    protected PortalTest(TimeProvider? clock = null)
    {
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Context.Services.AddMudServices();
        Context.Services.AddSingleton<IMediator>(Mediator);
        if (clock is not null)
        {
            Context.Services.AddSingleton(clock);
        }
        Context.Services.AddSingleton<AuthenticationStateProvider>(_ => new TestAuthenticationStateProvider(Caller));
        // Components run as they do in the browser once the circuit is live.
        Context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    protected BunitContext Context { get; } = new();

    protected FakeMediator Mediator { get; } = new();

    /// <summary>Who is signed in; set before the first render.</summary>
    protected Caller Caller { get; set; } = TestCallers.PartnerOwner;

    protected NavigationManager Navigation => Context.Services.GetRequiredService<NavigationManager>();

    /// <summary>Renders a component inside the MudBlazor providers (popovers, dialogs, snackbars).</summary>
    protected IRenderedComponent<TestHost> Render<TComponent>(Action<ComponentParameterCollectionBuilder<TComponent>>? parameters = null)
        where TComponent : IComponent =>
        Context.Render<TestHost>(host => host.AddChildContent(parameters ?? (_ => { })));

    public Task InitializeAsync() => Task.CompletedTask;

    // bUnit with MudBlazor must be disposed asynchronously (STACK-NOTES).
    public async Task DisposeAsync() => await Context.DisposeAsync();
}
