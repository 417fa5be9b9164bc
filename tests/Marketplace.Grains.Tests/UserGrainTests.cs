using Marketplace.Abstractions.Errors;
using Marketplace.Abstractions.Users;
using Marketplace.Domain.Organizations;

namespace Marketplace.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class UserGrainTests(ClusterFixture fixture)
{
    private IUserGrain NewUser() => fixture.Grains.GetGrain<IUserGrain>($"u{Guid.NewGuid():N}@example.test");

    [Fact]
    public async Task A_registered_user_signs_in_with_the_right_password_only()
    {
        var user = NewUser();
        await user.RegisterAsync("Ada", "correct horse 1", "org_x", MemberRole.Owner);

        Assert.Equal(SignInOutcome.Succeeded, (await user.SignInAsync("correct horse 1")).Outcome);
        Assert.Equal(SignInOutcome.Failed, (await user.SignInAsync("wrong horse 1")).Outcome);
    }

    [Fact]
    public async Task An_address_can_be_registered_once()
    {
        var user = NewUser();
        await user.RegisterAsync("Ada", "correct horse 1", "org_x", MemberRole.Owner);

        await Assert.ThrowsAsync<ConflictException>(() => user.RegisterAsync("Eve", "another pass 1", "org_y", MemberRole.Owner));
    }

    [Fact]
    public async Task Five_failures_lock_the_account_even_for_the_right_password_until_the_lockout_passes()
    {
        var user = NewUser();
        await user.RegisterAsync("Ada", "correct horse 1", "org_x", MemberRole.Owner);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(SignInOutcome.Failed, (await user.SignInAsync("wrong")).Outcome);
        }

        var fifth = await user.SignInAsync("wrong");
        var whileLocked = await user.SignInAsync("correct horse 1");
        fixture.Time.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        var afterwards = await user.SignInAsync("correct horse 1");

        Assert.Equal(SignInOutcome.LockedOut, fifth.Outcome);
        Assert.Equal(SignInOutcome.LockedOut, whileLocked.Outcome);
        Assert.Equal(SignInOutcome.Succeeded, afterwards.Outcome);
    }

    [Fact]
    public async Task Unknown_addresses_fail_like_wrong_passwords()
    {
        var result = await NewUser().SignInAsync("anything 123");

        Assert.Equal(SignInOutcome.Failed, result.Outcome);
        Assert.Null(result.User);
    }
}
