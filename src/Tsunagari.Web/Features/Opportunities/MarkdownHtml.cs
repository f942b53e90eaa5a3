using Ganss.Xss;
using Markdig;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Caching.Memory;

namespace Tsunagari.Features.Opportunities;

/// <summary>Markdown written by organizations, rendered and then sanitized: the text is not trusted.</summary>
public static class MarkdownHtml
{
    private static readonly MarkdownPipeline pipeline = new MarkdownPipelineBuilder().UseAutoLinks().DisableHtml().Build();

    // One configured instance: HtmlSanitizer's Sanitize is safe to call concurrently once configured.
    private static readonly HtmlSanitizer sanitizer = new();

    // Rendering and sanitizing a description takes about 0.27 ms (OpportunityPageBenchmarks), more than the rest of the
    // opportunity page's own work; the same text always gives the same HTML, so it is kept, by the text, for the texts
    // read most recently.
    private static readonly MemoryCache rendered = new(new MemoryCacheOptions { SizeLimit = 2_000 });

    public static IHtmlContent Render(string? markdown)
    {
        markdown ??= "";
        if (!rendered.TryGetValue(markdown, out string? html))
        {
            html = SafeHtml(markdown);
            rendered.Set(markdown, html, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromHours(1) });
        }
        return new HtmlString(html);
    }

    /// <summary>The Markdown as sanitized HTML, made afresh (what <see cref="Render"/> keeps).</summary>
    public static string SafeHtml(string markdown) => sanitizer.Sanitize(Markdown.ToHtml(markdown, pipeline));

    /// <summary>One line of plain text, for meta descriptions and structured data.</summary>
    public static string Summary(string? markdown, int max)
    {
        var text = string.Join(' ', PlainText(markdown).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
    }

    /// <summary>Plain text for calendars, meta descriptions and open data.</summary>
    public static string PlainText(string? markdown, int max = int.MaxValue)
    {
        var text = Markdown.ToPlainText(markdown ?? "", pipeline).Trim();
        return text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
    }
}
