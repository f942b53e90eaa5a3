using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Tsunagari.BrowserTests;

/// <summary>WCAG 2.1 A/AA by axe-core; the platform promises JIS X 8341-3 (which follows WCAG 2.1 AA).</summary>
public static class Accessibility
{
    private static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    private static readonly string[] BlockingImpacts = ["serious", "critical"];

    /// <summary>Returns a description of every serious or critical violation on the page, or null when there is none.</summary>
    public static async Task<string?> FindBlockingViolationsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. Tags] },
            // Only violations are read: axe then skips collecting every passing and inapplicable node, much of its time.
            ResultTypes = [ResultType.Violations],
        });
        var blocking = result.Violations
            .Where(v => BlockingImpacts.Contains(v.Impact, StringComparer.OrdinalIgnoreCase))
            .ToList();
        if (blocking.Count == 0) return null;

        var text = new StringBuilder();
        text.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"axe found {blocking.Count} serious/critical violation(s) on {page.Url}:");
        foreach (var violation in blocking)
        {
            text.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"- {violation.Id} ({violation.Impact}): {violation.Help} {violation.HelpUrl}");
            foreach (var node in violation.Nodes)
                text.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"    at {node.Target}: {node.Html}");
        }
        return text.ToString();
    }
}
