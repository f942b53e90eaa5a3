using Ganss.Xss;
using Markdig;
using Microsoft.AspNetCore.Html;

namespace Tsunagari.Features.Opportunities;

/// <summary>Markdown written by organizations, rendered and then sanitized: the text is not trusted.</summary>
public static class MarkdownHtml
{
    private static readonly MarkdownPipeline pipeline = new MarkdownPipelineBuilder().UseAutoLinks().DisableHtml().Build();

    // One configured instance: HtmlSanitizer's Sanitize is safe to call concurrently once configured.
    private static readonly HtmlSanitizer sanitizer = new();

    public static IHtmlContent Render(string? markdown) =>
        new HtmlString(sanitizer.Sanitize(Markdown.ToHtml(markdown ?? "", pipeline)));

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
