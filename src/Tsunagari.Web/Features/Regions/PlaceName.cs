using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Tsunagari.Features.Regions;

/// <summary>
/// Place names stay Japanese on English pages too, as on the Japanese government's English sites; they are marked
/// lang="ja" so that screen readers pronounce them as Japanese.
/// </summary>
public static class PlaceName
{
    public static IHtmlContent Of(string name) => Wrap(name);

    /// <summary>A localized sentence whose {0} is a place name.</summary>
    public static IHtmlContent In(string localizedFormat, string name)
    {
        ArgumentNullException.ThrowIfNull(localizedFormat);
        var at = localizedFormat.IndexOf("{0}", StringComparison.Ordinal);
        if (at < 0) return new HtmlString(HtmlEncoder.Default.Encode(localizedFormat));
        return new HtmlContentBuilder()
            .Append(localizedFormat[..at])
            .AppendHtml(Wrap(name))
            .Append(localizedFormat[(at + 3)..]);
    }

    private static IHtmlContent Wrap(string name) =>
        new HtmlContentBuilder().AppendHtml("<span lang=\"ja\">").Append(name).AppendHtml("</span>");
}
