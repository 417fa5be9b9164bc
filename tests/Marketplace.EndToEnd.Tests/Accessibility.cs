using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Marketplace.EndToEnd.Tests;

/// <summary>
/// Runs axe-core (every rule of the version Deque.AxeCore.Playwright bundles) on the page as it
/// stands and fails on any serious or critical finding, naming each rule and the elements it flags.
/// </summary>
internal static class Accessibility
{
    private static readonly string[] Blocking = ["serious", "critical"];

    public static async Task AssertNoSeriousViolationsAsync(IPage page, string what)
    {
        // Contrast is measured on what is painted: let transitions (expanding panels, fading chips)
        // finish first. Endless animations (indeterminate progress bars) are left running.
        await page.WaitForFunctionAsync(
            "() => document.getAnimations().every(a => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity)");
        var result = await page.RunAxe();
        var blocking = result.Violations.Where(v => Blocking.Contains(v.Impact)).ToList();
        Assert.True(blocking.Count == 0,
            $"{what} ({page.Url}) has {blocking.Count} serious or critical axe finding(s):{Environment.NewLine}{Describe(blocking)}");
    }

    private static string Describe(IEnumerable<AxeResultItem> violations)
    {
        var text = new StringBuilder();
        foreach (var violation in violations)
        {
            text.AppendLine($"- {violation.Id} ({violation.Impact}): {violation.Help}");
            foreach (var node in violation.Nodes)
            {
                var checks = (node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? []).Select(c => c.Message).Distinct();
                text.AppendLine($"    {node.Target}: {string.Join(" ", checks)}");
            }
        }
        return text.ToString();
    }
}
