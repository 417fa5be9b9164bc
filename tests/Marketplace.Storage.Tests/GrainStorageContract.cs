using Marketplace.Storage.Relational;
using Orleans.Storage;

namespace Marketplace.Storage.Tests;

/// <summary>
/// The behaviour both dialects must share; each dialect's test class runs every test here.
/// </summary>
public abstract class GrainStorageContract
{
    protected abstract Task<ISqlDialect> CreateDialectAsync();

    private static GrainId NewGrain() => GrainId.Create("test", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Reads_an_empty_state_for_a_grain_never_written()
    {
        var storage = StorageHarness.Create(await CreateDialectAsync());
        var state = new GrainState<TestState>();

        await storage.ReadStateAsync("s", NewGrain(), state);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.Equal("", state.State!.Text);
    }

    [Fact]
    public async Task Round_trips_state_and_advances_the_etag_on_each_write()
    {
        var storage = StorageHarness.Create(await CreateDialectAsync());
        var grain = NewGrain();
        var state = new GrainState<TestState>(new TestState { Text = "one", Numbers = [1, 2, 3] });

        await storage.WriteStateAsync("s", grain, state);
        var firstEtag = state.ETag;
        state.State!.Text = "two";
        await storage.WriteStateAsync("s", grain, state);

        var read = new GrainState<TestState>();
        await storage.ReadStateAsync("s", grain, read);
        Assert.True(read.RecordExists);
        Assert.Equal("two", read.State!.Text);
        Assert.Equal([1, 2, 3], read.State!.Numbers);
        Assert.Equal(state.ETag, read.ETag);
        Assert.NotEqual(firstEtag, read.ETag);
    }

    [Fact]
    public async Task Refuses_a_write_with_a_stale_etag_and_keeps_the_newer_state()
    {
        var storage = StorageHarness.Create(await CreateDialectAsync());
        var grain = NewGrain();
        await storage.WriteStateAsync("s", grain, new GrainState<TestState>(new TestState { Text = "original" }));
        var first = new GrainState<TestState>();
        var second = new GrainState<TestState>();
        await storage.ReadStateAsync("s", grain, first);
        await storage.ReadStateAsync("s", grain, second);

        first.State!.Text = "first writer";
        await storage.WriteStateAsync("s", grain, first);
        second.State!.Text = "stale writer";
        var staleEtag = second.ETag;

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("s", grain, second));
        Assert.Equal(staleEtag, second.ETag);
        var read = new GrainState<TestState>();
        await storage.ReadStateAsync("s", grain, read);
        Assert.Equal("first writer", read.State!.Text);
    }

    [Fact]
    public async Task Refuses_a_second_first_write_of_the_same_grain()
    {
        var storage = StorageHarness.Create(await CreateDialectAsync());
        var grain = NewGrain();
        await storage.WriteStateAsync("s", grain, new GrainState<TestState>(new TestState { Text = "winner" }));

        await Assert.ThrowsAsync<InconsistentStateException>(() =>
            storage.WriteStateAsync("s", grain, new GrainState<TestState>(new TestState { Text = "loser" })));

        var read = new GrainState<TestState>();
        await storage.ReadStateAsync("s", grain, read);
        Assert.Equal("winner", read.State!.Text);
    }

    [Fact]
    public async Task Clearing_leaves_an_empty_state_and_stale_writers_stay_refused()
    {
        var storage = StorageHarness.Create(await CreateDialectAsync());
        var grain = NewGrain();
        var owner = new GrainState<TestState>(new TestState { Text = "v1" });
        await storage.WriteStateAsync("s", grain, owner);
        var stale = new GrainState<TestState>();
        await storage.ReadStateAsync("s", grain, stale);

        await storage.ClearStateAsync("s", grain, owner);
        Assert.False(owner.RecordExists);
        Assert.Equal("", owner.State!.Text);

        var read = new GrainState<TestState>();
        await storage.ReadStateAsync("s", grain, read);
        Assert.False(read.RecordExists);
        stale.State!.Text = "resurrected";
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("s", grain, stale));

        read.State!.Text = "v2";
        await storage.WriteStateAsync("s", grain, read);
        var again = new GrainState<TestState>();
        await storage.ReadStateAsync("s", grain, again);
        Assert.Equal("v2", again.State!.Text);
    }

    [Fact]
    public async Task Keeps_states_of_different_names_and_grains_apart()
    {
        var storage = StorageHarness.Create(await CreateDialectAsync());
        var grain = NewGrain();
        var other = NewGrain();
        await storage.WriteStateAsync("a", grain, new GrainState<TestState>(new TestState { Text = "a" }));
        await storage.WriteStateAsync("b", grain, new GrainState<TestState>(new TestState { Text = "b" }));
        await storage.WriteStateAsync("a", other, new GrainState<TestState>(new TestState { Text = "other" }));

        foreach (var (name, id, expected) in new[] { ("a", grain, "a"), ("b", grain, "b"), ("a", other, "other") })
        {
            var read = new GrainState<TestState>();
            await storage.ReadStateAsync(name, id, read);
            Assert.Equal(expected, read.State!.Text);
        }
    }

    [Fact]
    public async Task Concurrent_writers_from_one_version_have_exactly_one_winner()
    {
        var storage = StorageHarness.Create(await CreateDialectAsync());
        var grain = NewGrain();
        await storage.WriteStateAsync("s", grain, new GrainState<TestState>(new TestState()));
        var writers = new List<GrainState<TestState>>();
        for (var i = 0; i < 8; i++)
        {
            var state = new GrainState<TestState>();
            await storage.ReadStateAsync("s", grain, state);
            state.State!.Text = "writer " + i;
            writers.Add(state);
        }

        var outcomes = await Task.WhenAll(writers.Select(async w =>
        {
            try
            {
                await storage.WriteStateAsync("s", grain, w);
                return true;
            }
            catch (InconsistentStateException)
            {
                return false;
            }
        }));

        Assert.Equal(1, outcomes.Count(o => o));
        var read = new GrainState<TestState>();
        await storage.ReadStateAsync("s", grain, read);
        Assert.Equal(writers[Array.IndexOf(outcomes, true)].State!.Text, read.State!.Text);
    }
}
