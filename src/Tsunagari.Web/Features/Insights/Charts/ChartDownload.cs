using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Tsunagari.Resources;

namespace Tsunagari.Features.Insights.Charts;

/// <summary>
/// Every chart's table can be downloaded from the page that shows it: the page's own address with <c>chart=ID</c> and
/// <c>format=csv|json</c>, so the download always holds the figures of the page as filtered, and no second endpoint has
/// to repeat the page's access checks and queries.
/// </summary>
public static class ChartDownload
{
    public const string CsvContentType = "text/csv; charset=utf-8";

    /// <summary>The chart the request asks to download, as a file; null when the request is for the page itself.</summary>
    public static IActionResult? For(HttpRequest request, IEnumerable<ChartData> charts, IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = request.Query["chart"].ToString();
        if (id.Length == 0) return null;
        var chart = charts.FirstOrDefault(c => c.Id == id);
        if (chart is null) return Problem(l["「{0}」という図はこのページにありません。", id]);
        return request.Query["format"].ToString().ToLowerInvariant() switch
        {
            "csv" => new FileContentResult(chart.ToCsv(), CsvContentType) { FileDownloadName = $"{chart.Id}.csv" },
            "json" => new ContentResult { Content = chart.ToJson(), ContentType = "application/json; charset=utf-8", StatusCode = 200 },
            _ => Problem(l["形式は csv か json を指定してください。"]),
        };
    }

    /// <summary>The page's current address (its filters kept) asking for one chart in one format.</summary>
    public static string Link(HttpRequest request, string chartId, string format)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = QueryHelpers.ParseQuery(request.QueryString.Value)
            .Where(q => q.Key is not ("chart" or "format"))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .Append(new("chart", chartId))
            .Append(new("format", format));
        return request.PathBase + request.Path + QueryString.Create(query);
    }

    private static BadRequestObjectResult Problem(string detail) =>
        new(new ProblemDetails { Status = 400, Title = detail, Detail = detail }) { ContentTypes = { "application/problem+json" } };
}
