using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Tsunagari.Platform;

public static class JapanTime
{
    /// <summary>Times are stored in UTC and shown in Japan time, whatever the server's zone.</summary>
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    /// <summary>The date in Japan at a moment.</summary>
    public static DateOnly Date(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Zone).DateTime);

    /// <summary>
    /// A moment as a <c>time</c> element in Japan time (machine-readable in UTC), or a dash. The partial _Time renders
    /// this; long lists call it directly, which spares them a partial lookup per row.
    /// </summary>
    public static IHtmlContent Tag(DateTimeOffset? at)
    {
        if (at is not { } moment) return new HtmlString("<span>—</span>");
        var tag = new TagBuilder("time");
        tag.Attributes["datetime"] = moment.ToString("O", CultureInfo.InvariantCulture);
        tag.InnerHtml.Append(TimeZoneInfo.ConvertTime(moment, Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        return tag;
    }
}
