using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CsvHelper;
using Tsunagari.Features.OpenData;

namespace Tsunagari.Features.Insights.Charts;

/// <summary>How a chart draws its figures; the data table is the same whatever the kind.</summary>
public enum ChartKind
{
    Bar,
    StackedBar,
    HorizontalBar,
    Line,
    Pie,
}

/// <summary>One column of a chart's table: a series of values, one per category. A null value is suppressed (a small count).</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<decimal?> Values);

/// <summary>
/// A chart's figures as the page shows them: the categories are the rows of its data table, each series a column. The
/// same figures are drawn by ECharts (wwwroot/js/charts.js), shown as a table for everyone (and for screen readers and
/// pages without JavaScript), and downloaded as CSV or JSON (<see cref="ChartDownload"/>). Titles and headings arrive
/// already translated. Values are already suppressed where the public must not see small counts.
/// </summary>
public sealed record ChartData(
    string Id,
    string Title,
    ChartKind Kind,
    string CategoryHeading,
    IReadOnlyList<string> Categories,
    IReadOnlyList<ChartSeries> Series,
    string Unit = "")
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public bool IsEmpty => Categories.Count == 0 || Series.All(s => s.Values.All(v => v is null or 0));

    /// <summary>True when some value is hidden because it rests on fewer people than the public may see.</summary>
    public bool HasSuppressed => Series.Any(s => s.Values.Any(v => v is null));

    /// <summary>What charts.js reads from the page: the kind, categories and series.</summary>
    public string ToScriptJson() => JsonSerializer.Serialize(new { kind = Kind, categories = Categories, series = Series, unit = Unit }, Json);

    /// <summary>The table as CSV (UTF-8 with BOM, CRLF, like every export): the category heading and series names, then a row per category; a suppressed value is empty.</summary>
    public byte[] ToCsv()
    {
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, new CsvWriterOptions { WriteByteOrderMark = true, NewLine = "\r\n" }, leaveOpen: true))
        {
            csv.WriteRecord([CategoryHeading, .. Series.Select(s => Unit.Length == 0 ? s.Name : $"{s.Name} ({Unit})")]);
            for (var i = 0; i < Categories.Count; i++)
            {
                csv.WriteRecord([ExportEvents.Inert(Categories[i]), .. Series.Select(s => s.Values[i]?.ToString(CultureInfo.InvariantCulture) ?? "")]);
            }
        }
        return stream.ToArray();
    }

    /// <summary>The table as JSON: <c>{ id, title, unit, categoryHeading, rows: [{ category, values: { series: value|null } }] }</c>.</summary>
    public string ToJson() => JsonSerializer.Serialize(new
    {
        id = Id,
        title = Title,
        unit = Unit,
        categoryHeading = CategoryHeading,
        suppressedAreNull = true,
        rows = Categories.Select((category, i) => new
        {
            category,
            values = Series.ToDictionary(s => s.Name, s => s.Values[i]),
        }),
    }, Json);
}
