using Bunit;
using Marketplace.Portal.Layout;
using Marketplace.Portal.Pages;
using Marketplace.Portal.Pages.Catalog;
using Microsoft.AspNetCore.Components;

namespace Marketplace.Portal.Tests;

public sealed class FocusOnPageChangeTests : PortalTest
{
    private const string FocusBySelector = "Blazor._internal.domWrapper.focusBySelector";

    [Fact]
    public void The_page_the_app_goes_live_on_keeps_its_focus_and_later_pages_focus_their_heading()
    {
        var focus = Context.Render<FocusOnPageChange>(p => p
            .Add(f => f.RouteData, new RouteData(typeof(CatalogPage), new Dictionary<string, object?>()))
            .Add(f => f.Selector, "h1"));

        Assert.Empty(Context.JSInterop.Invocations[FocusBySelector]);

        focus.Render(p => p.Add(f => f.RouteData, new RouteData(typeof(Home), new Dictionary<string, object?>())));

        Assert.Equal(["h1"], Context.JSInterop.Invocations[FocusBySelector].Select(i => i.Arguments.Single()));
    }
}
