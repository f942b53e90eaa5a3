using System.Globalization;
using System.Text.Json.Serialization;
using CsvHelper;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Tsunagari.Data;
using Tsunagari.Features.Insights.Dashboards;
using Tsunagari.Features.OpenData;
using Tsunagari.Features.Regions;
using Tsunagari.Platform;
using Tsunagari.Resources;

namespace Tsunagari.Features.Insights.Map;

/// <summary>
/// The dashboards' figures as open data: one row per municipality (or ward), measure, key and quarter, exactly as the
/// dashboards add them up; people counts of 1–4, and hours and activities of a quarter resting on 1–4 participants, are
/// empty (CSV) or null (JSON). Only the measures of
/// <see cref="MapMeasures"/> are published, because only for those is it known whether they count people.
/// </summary>
public static class FiguresApi
{
    public const string AllTime = "all";

    /// <summary>The columns, in order, as the CSV header and the JSON property names.</summary>
    public static readonly IReadOnlyList<string> Columns = ["municipality_code", "municipality_name", "measure", "key", "quarter", "value"];

    public sealed record FigureRow(
        [property: JsonPropertyName("municipality_code")] string MunicipalityCode,
        [property: JsonPropertyName("municipality_name")] string MunicipalityName,
        [property: JsonPropertyName("measure")] string Measure,
        [property: JsonPropertyName("key")] string Key,
        [property: JsonPropertyName("quarter")] string Quarter,
        [property: JsonPropertyName("value")] decimal? Value);

    public sealed record LicenceItem(string Name, Uri Url);

    public sealed record FiguresDocument(LicenceItem Licence, string Schema, bool SuppressedAreNull, IReadOnlyList<FigureRow> Rows);

    public static void MapFiguresApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/insights/figures", GetInsightsFigures)
            .WithTags("Insights").AllowAnonymous()
            .WithName(nameof(GetInsightsFigures))
            .WithSummary("The regional dashboards' figures as open data (?format=csv|json, default json): municipality_code, municipality_name, measure, key, quarter (2026Q3, or \"all\"), value; people counts of 1–4, and hours and activities of a quarter with 1–4 participants, are null. Optional ?municipality= (6-digit code; a designated city includes its wards), ?measure=, ?from=/?to= (quarters such as 2026Q1). Licence in the JSON and in the Link header (rel=\"license\"); schema at /insights/open-data.");
    }

    public static async Task<Results<Ok<FiguresDocument>, FileContentHttpResult, ValidationProblem>> GetInsightsFigures(
        [FromQuery] string? format, [FromQuery] string? municipality, [FromQuery] string? measure, [FromQuery] string? from, [FromQuery] string? to,
        HttpContext http, AppDbContext db, IOptions<TsunagariOptions> options, IOptions<FiguresLicence> licence,
        IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(licence);
        ArgumentNullException.ThrowIfNull(l);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var csv = format?.Trim().ToLowerInvariant() switch
        {
            null or "" or "json" => false,
            "csv" => true,
            _ => Error(errors, "format", l["形式は csv か json を指定してください。"]),
        };
        IReadOnlyCollection<string>? codes = null;
        if (!string.IsNullOrWhiteSpace(municipality))
        {
            if (Japan.Shared.Municipality(municipality.Trim()) is { } found && found.PrefectureCode == options.Value.Prefecture)
                codes = RegionalFigures.CodesOf(found);
            else errors["municipality"] = [l["コード「{0}」の市区町村は見つかりません。", municipality]];
        }
        IReadOnlyList<MapMeasure> measures = MapMeasures.All;
        if (!string.IsNullOrWhiteSpace(measure))
        {
            if (MapMeasures.Find(measure) is { } one) measures = [one];
            else errors["measure"] = [l["指標「{0}」はありません。使える指標：{1}", measure, string.Join(", ", MapMeasures.All.Select(m => m.Measure))]];
        }
        var fromQuarter = Quarter(from, "from", errors, l);
        var toQuarter = Quarter(to, "to", errors, l);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var rows = await ReadAsync(db, codes, measures, fromQuarter, toQuarter, cancellationToken);
        var value = licence.Value;
        if (csv)
        {
            http.Response.Headers.Link = $"<{value.Url}>; rel=\"license\"";
            return TypedResults.File(ToCsv(rows), "text/csv; charset=utf-8", "insights-figures.csv");
        }
        return TypedResults.Ok(new FiguresDocument(new LicenceItem(value.Name, value.Url), "/insights/open-data", true, rows));
    }

    private static bool Error(Dictionary<string, string[]> errors, string key, string message)
    {
        errors[key] = [message];
        return false;
    }

    private static int? Quarter(string? text, string key, Dictionary<string, string[]> errors, IStringLocalizer<SharedResource> l)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (QuarterText.Parse(text) is { } quarter) return quarter;
        errors[key] = [l["四半期「{0}」は「2026Q3」の形で指定してください。", text]];
        return null;
    }

    /// <summary>The rows in code, measure, key, quarter order; a quarter filter leaves out the figures that are not by quarter.</summary>
    public static async Task<IReadOnlyList<FigureRow>> ReadAsync(AppDbContext db, IReadOnlyCollection<string>? codes, IReadOnlyList<MapMeasure> measures,
        int? fromQuarter, int? toQuarter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(measures);
        var names = measures.Select(m => m.Measure).ToList();
        var query = db.RegionalFigures.AsNoTracking().Where(f => names.Contains(f.Measure));
        if (codes is not null) query = query.Where(f => codes.Contains(f.MunicipalityCode));
        if (fromQuarter is { } f1) query = query.Where(f => f.Quarter >= f1);
        if (toQuarter is { } t1) query = query.Where(f => f.Quarter != RegionalFigure.AllTime && f.Quarter <= t1);
        var figures = await query.ToListAsync(cancellationToken);
        var participants = measures.Any(m => RegionalMeasures.RestsOnParticipants(m.Measure))
            ? await RegionalFigures.ParticipantsByQuarterAsync(db, codes, fromQuarter, toQuarter, cancellationToken)
            : new Dictionary<(string, int), decimal>();
        var byName = measures.ToDictionary(m => m.Measure, StringComparer.Ordinal);
        return [.. figures
            .OrderBy(f => f.MunicipalityCode, StringComparer.Ordinal).ThenBy(f => f.Measure, StringComparer.Ordinal)
            .ThenBy(f => f.Key, StringComparer.Ordinal).ThenBy(f => f.Quarter)
            .Select(f => new FigureRow(f.MunicipalityCode, NameOf(f.MunicipalityCode), f.Measure, f.Key,
                f.Quarter == RegionalFigure.AllTime ? AllTime : RegionalFigure.QuarterLabel(f.Quarter),
                IsHidden(f, byName[f.Measure], participants) ? null : f.Value))];
    }

    /// <summary>A count of 1–4 people, or hours and activities of a quarter that rest on 1–4 participants (as on the dashboards).</summary>
    private static bool IsHidden(RegionalFigure figure, MapMeasure measure, IReadOnlyDictionary<(string Code, int Quarter), decimal> participants) =>
        MapFigures.IsSmall(measure, figure.Value)
        || (RegionalMeasures.RestsOnParticipants(figure.Measure)
            && DashboardFigures.Hide(participants.GetValueOrDefault((figure.MunicipalityCode, figure.Quarter))) is null);

    /// <summary>A municipality's name; a ward's with its city's (千葉市中央区), as wards of different cities share names.</summary>
    public static string NameOf(string code) => Japan.Shared.Municipality(code) switch
    {
        null => "",
        { ParentCode: { } parent } ward => (Japan.Shared.Municipality(parent)?.Name ?? "") + ward.Name,
        var m => m.Name,
    };

    /// <summary>A plain table (UTF-8 with BOM, CRLF, like every export): the header, then the rows; a suppressed value is empty.</summary>
    public static byte[] ToCsv(IReadOnlyList<FigureRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, new CsvWriterOptions { WriteByteOrderMark = true, NewLine = "\r\n" }, leaveOpen: true))
        {
            csv.WriteRecord([.. Columns]);
            foreach (var r in rows)
                csv.WriteRecord([r.MunicipalityCode, r.MunicipalityName, ExportEvents.Inert(r.Measure), ExportEvents.Inert(r.Key), r.Quarter,
                    r.Value?.ToString("0.##", CultureInfo.InvariantCulture) ?? ""]);
        }
        return stream.ToArray();
    }
}
