namespace Marketplace.EndToEnd.Tests;

internal static class Portal
{
    /// <summary>
    /// Repeats an action until its effect shows: a prerendered page accepts clicks before the
    /// Blazor circuit is connected, and those clicks are lost.
    /// </summary>
    public static async Task UntilAsync(Func<Task> act, Func<Task<bool>> done, int attempts = 20)
    {
        for (var i = 0; i < attempts; i++)
        {
            await act();
            for (var wait = 0; wait < 10; wait++)
            {
                if (await done())
                {
                    return;
                }
                await Task.Delay(100);
            }
        }
        Assert.Fail("The page did not react.");
    }
}
