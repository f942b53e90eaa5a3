using System.Globalization;
using System.Text;
using System.Text.Json;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace Tsunagari.BrowserTests;

/// <summary>
/// WCAG 2.1 A/AA by axe-core; the platform promises JIS X 8341-3 (which follows WCAG 2.1 AA). axe runs in the page and
/// hands back only the blocking violations, reduced to what the report prints: Deque's Playwright wrapper spent about ten
/// times axe's own time per page moving and converting the full results, most of the browser tests' run time.
/// </summary>
public static class Accessibility
{
    private static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    private static readonly string[] BlockingImpacts = ["serious", "critical"];

    /// <summary>
    /// axe-core as Deque bundles it for .NET, so its version follows the package's. Sessions load it into every page with
    /// an init script, once per browser instead of sending it with every check.
    /// </summary>
    public static string Script => AxeSource.Value;

    private static readonly Lazy<string> AxeSource = new(() => new BundledAxeScriptProvider().GetScript());

    private const string RunAxe = """
        async ({ tags, impacts }) => {
            const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
            return result.violations
                .filter(v => impacts.includes(v.impact))
                .map(v => ({
                    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                    nodes: v.nodes.map(n => ({ target: n.target.join(' '), html: n.html })),
                }));
        }
        """;

    /// <summary>Returns a description of every serious or critical violation on the page, or null when there is none.</summary>
    public static async Task<string?> FindBlockingViolationsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        // Evaluated, not added as a script tag: the app's Content-Security-Policy refuses inline scripts.
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
            await page.EvaluateAsync(AxeSource.Value);
        var found = await page.EvaluateAsync<JsonElement>(RunAxe, new { tags = Tags, impacts = BlockingImpacts });
        var blocking = found.Deserialize<Violation[]>(JsonSerializerOptions.Web) ?? [];
        if (blocking.Length == 0) return null;

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"axe found {blocking.Length} serious/critical violation(s) on {page.Url}:");
        foreach (var violation in blocking)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {violation.Id} ({violation.Impact}): {violation.Help} {violation.HelpUrl}");
            foreach (var node in violation.Nodes)
                text.AppendLine(CultureInfo.InvariantCulture, $"    at {node.Target}: {node.Html}");
        }
        return text.ToString();
    }

    private sealed record Violation(string Id, string Impact, string Help, string HelpUrl, ViolationNode[] Nodes);

    private sealed record ViolationNode(string Target, string Html);
}
