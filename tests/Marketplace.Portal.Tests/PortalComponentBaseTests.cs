using Bunit;
using Marketplace.Abstractions.Errors;
using Marketplace.Application.Catalog.Industries;
using Marketplace.Application.Catalog.Items;
using Marketplace.Application.Users.ChangePassword;
using Marketplace.Domain.Catalog;
using Marketplace.Portal.Components;
using Marketplace.Portal.Components.Common;
using Marketplace.Portal.Services;
using Mediator;
using Microsoft.AspNetCore.Components.Rendering;

namespace Marketplace.Portal.Tests;

/// <summary>The one place portal components send requests and turn problems into what the page shows.</summary>
public sealed class PortalComponentBaseTests : PortalTest
{
    [Fact]
    public async Task A_failed_request_answers_null_and_the_alert_says_what_went_wrong()
    {
        Mediator.Throws<GetCatalogItem>(new NotFoundException("Listing", "lst_gone"));
        var probe = Context.Render<Probe>();

        var item = await probe.Instance.SendAsync(new GetCatalogItem("lst_gone"));

        Assert.Null(item);
        Assert.IsType<NotFoundException>(probe.Instance.Problem);
        probe.WaitForAssertion(() => Assert.Equal("Listing 'lst_gone' was not found.", probe.Find("[data-testid='error-alert']").TextContent.Trim()));
    }

    [Fact]
    public async Task A_validation_problem_goes_next_to_a_forms_fields_and_into_the_alert_where_there_is_no_form()
    {
        Mediator.Throws<ChangePassword>(new RequestValidationException("newPassword", "At least 10 characters."));
        var probe = Context.Render<Probe>();
        var fields = new FieldErrors();

        Assert.False(await probe.Instance.SendAsync(new ChangePassword("old", "short"), fields));
        Assert.Equal("At least 10 characters.", fields["newPassword"]);
        Assert.Null(probe.Instance.Problem);
        Assert.Empty(probe.FindAll("[data-testid='error-alert']"));

        Assert.False(await probe.Instance.SendAsync(new ChangePassword("old", "short")));
        Assert.IsType<RequestValidationException>(probe.Instance.Problem);
        probe.WaitForAssertion(() => Assert.Equal("Some fields need attention: At least 10 characters.", probe.Find("[data-testid='error-alert']").TextContent.Trim()));
    }

    [Fact]
    public async Task The_next_request_clears_the_last_problem_and_field_errors()
    {
        var fields = new FieldErrors();
        fields.Add("currentPassword", "Wrong password.");
        Mediator.Throws<GetCatalogItem>(new ForbiddenException("Not yours."));
        Mediator.Returns<ChangePassword>(Unit.Value);
        var probe = Context.Render<Probe>();
        await probe.Instance.SendAsync(new GetCatalogItem("lst_a"));

        Assert.True(await probe.Instance.SendAsync(new ChangePassword("old", "Long-enough-2026"), fields));

        Assert.Null(probe.Instance.Problem);
        Assert.False(fields.Any);
        probe.WaitForAssertion(() => Assert.Empty(probe.FindAll("[data-testid='error-alert']")));
    }

    [Fact]
    public async Task Several_requests_fail_as_one_step_with_the_first_problem()
    {
        Mediator.Returns<ListIndustries>(TestData.Industries).Throws<GetCatalogItem>(new NotFoundException("Listing", "lst_b"));
        var probe = Context.Render<Probe>();
        IReadOnlyList<Industry>? industries = null;
        CatalogItem? item = null;

        var done = await probe.Instance.TryAsync(async () =>
        {
            industries = await probe.Instance.Mediator.Send(new ListIndustries());
            item = await probe.Instance.Mediator.Send(new GetCatalogItem("lst_b"));
        });

        Assert.False(done);
        Assert.Equal(2, industries!.Count);
        Assert.Null(item);
        Assert.Equal("Listing 'lst_b' was not found.", probe.Instance.Problem!.Message);
    }

    [Fact]
    public async Task A_superseded_request_leaves_the_problem_and_the_answer_to_the_later_one()
    {
        var first = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
        Mediator.OnAsync<GetCatalogItem>(request => request.Id == "lst_first" ? first.Task : throw new ForbiddenException("Later one fails."));
        var probe = Context.Render<Probe>();
        using var superseded = new CancellationTokenSource();

        var slow = probe.Instance.SendAsync(new GetCatalogItem("lst_first"), superseded.Token);
        superseded.Cancel();
        Assert.Null(await probe.Instance.SendAsync(new GetCatalogItem("lst_second")));
        first.SetException(new NotFoundException("Listing", "lst_first"));

        Assert.Null(await slow);
        Assert.Equal("You may not do this. Later one fails.", PortalErrors.Describe(probe.Instance.Problem!));
    }

    [Fact]
    public async Task Exceptions_that_are_not_marketplace_problems_are_bugs_and_are_not_swallowed()
    {
        Mediator.Throws<GetCatalogItem>(new InvalidOperationException("A bug."));
        var probe = Context.Render<Probe>();

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => probe.Instance.SendAsync(new GetCatalogItem("lst_a")));

        Assert.Equal("A bug.", thrown.Message);
        Assert.Null(probe.Instance.Problem);
    }

    [Fact]
    public async Task A_lookup_for_something_the_page_can_do_without_fails_quietly()
    {
        Mediator.Throws<ListIndustries>(new ForbiddenException("No."));
        var probe = Context.Render<Probe>();

        Assert.Null(await probe.Instance.LookUpAsync(new ListIndustries()));

        Assert.Null(probe.Instance.Problem);
        Assert.Empty(probe.FindAll("[data-testid='error-alert']"));
    }

    /// <summary>A component that renders its problem as pages do and lets the tests call the helper.</summary>
    private sealed class Probe : PortalComponentBase
    {
        public new IMediator Mediator => base.Mediator;

        public new MarketplaceException? Problem => base.Problem;

        public Task<T?> SendAsync<T>(IQuery<T> query, CancellationToken cancellationToken = default)
            where T : class => OnRendererAsync(() => base.SendAsync(query, cancellationToken: cancellationToken));

        public Task<bool> SendAsync(ICommand command, FieldErrors? fields = null) => OnRendererAsync(() => base.SendAsync(command, fields));

        public Task<bool> TryAsync(Func<Task> work) => OnRendererAsync(() => base.TryAsync(work));

        public new Task<T?> LookUpAsync<T>(IQuery<T> query)
            where T : class => OnRendererAsync(() => base.LookUpAsync(query));

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenComponent<ErrorAlert>(0);
            builder.AddComponentParameter(1, nameof(ErrorAlert.Error), base.Problem);
            builder.CloseComponent();
        }

        /// <summary>Runs on the renderer as an event handler would, then renders what it left.</summary>
        private async Task<T> OnRendererAsync<T>(Func<Task<T>> work)
        {
            var result = default(T)!;
            await InvokeAsync(async () =>
            {
                result = await work();
                StateHasChanged();
            });
            return result;
        }
    }
}
