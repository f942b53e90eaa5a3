using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Tsunagari.Data;
using Tsunagari.Features.Insights.Charts;
using Tsunagari.Features.Regions;
using Tsunagari.Platform;
using Tsunagari.Resources;

namespace Tsunagari.Features.Insights.Map;

/// <summary>
/// The tile grid map (public): one square per municipality, coloured by a measure over a period of quarters, as a count
/// or per 1,000 residents, with its legend, a table of every municipality and the table's CSV/JSON download. Drawn on the
/// server as SVG, so it needs no script and no map tiles.
/// </summary>
[AllowAnonymous]
[OutputCache(PolicyName = InsightsCaching.Policy)]
public sealed class MapModel(AppDbContext db, Japan japan, IOptions<TsunagariOptions> options, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public const string ChartId = "map";

    [BindProperty(SupportsGet = true, Name = "measure")] public string? MeasureText { get; set; }
    [BindProperty(SupportsGet = true, Name = "from")] public string? FromText { get; set; }
    [BindProperty(SupportsGet = true, Name = "to")] public string? ToText { get; set; }
    [BindProperty(SupportsGet = true, Name = "per")] public string? PerText { get; set; }

    public Prefecture Prefecture { get; private set; } = null!;
    public MapMeasure Measure { get; private set; } = MapMeasures.Mappable[0];
    public int From { get; private set; }
    public int To { get; private set; }
    public bool PerThousand { get; private set; }
    public IReadOnlyList<int> Quarters { get; private set; } = [];
    public IReadOnlyList<TileFigure> Figures { get; private set; } = [];
    public IReadOnlyList<MapClass> Classes { get; private set; } = [];
    public IReadOnlyList<PopulationSource> Sources { get; private set; } = [];
    public bool HandMadeLayout { get; private set; }
    public ChartData Table { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (japan.Prefecture(options.Value.Prefecture) is not { } prefecture) return NotFound();
        Prefecture = prefecture;
        HandMadeLayout = TileLayout.IsHandMade(prefecture);
        await ParseAsync(cancellationToken);
        (Figures, Classes, Sources) = await MapFigures.ComputeAsync(db, TileLayout.For(prefecture), Measure, From, To, PerThousand, cancellationToken);
        Table = BuildTable();
        return ChartDownload.For(Request, [Table], l) ?? Page();
    }

    public string Title => l["{0}（{1}）", l[Measure.Label], PerThousand ? l["人口千人あたり"] : l[Measure.Unit]];

    public string Period => From == To ? RegionalFigure.QuarterLabel(From) : $"{RegionalFigure.QuarterLabel(From)}–{RegionalFigure.QuarterLabel(To)}";

    /// <summary>Bad choices are reported and replaced by the defaults: the first measure, the latest quarter with figures, counts.</summary>
    private async Task ParseAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(MeasureText))
        {
            if (MapMeasures.FindMappable(MeasureText) is { } measure) Measure = measure;
            else ModelState.AddModelError("measure", l["指標「{0}」はありません。", MeasureText]);
        }
        Quarters = await db.RegionalFigures.AsNoTracking()
            .Where(f => f.Measure == Measure.Measure && f.Key == Measure.Key && f.Quarter != RegionalFigure.AllTime)
            .Select(f => f.Quarter).Distinct().OrderByDescending(q => q).Take(40).ToListAsync(cancellationToken);
        var latest = Quarters.Count > 0 ? Quarters[0] : RegionalFigure.QuarterOf(JapanTime.Date(clock.GetUtcNow()));
        To = Quarter(ToText, "to") ?? latest;
        From = Quarter(FromText, "from") ?? To;
        if (From > To)
        {
            ModelState.AddModelError("from", l["開始の四半期は終了の四半期より前にしてください。"]);
            From = To;
        }
        // People counted per quarter cannot be added over quarters: a range shows its last quarter.
        if (!Measure.SumsOverQuarters) From = To;
        PerThousand = PerText?.Trim().ToLowerInvariant() switch
        {
            null or "" or "count" => false,
            "1000" or "per1000" => Measure.PerThousand,
            _ => Invalid(),
        };
    }

    private bool Invalid()
    {
        ModelState.AddModelError("per", l["表し方は count（件数）か per1000（人口千人あたり）を指定してください。"]);
        return false;
    }

    private int? Quarter(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (QuarterText.Parse(text) is { } quarter) return quarter;
        ModelState.AddModelError(field, l["四半期「{0}」は「2026Q3」の形で指定してください。", text]);
        return null;
    }

    private ChartData BuildTable()
    {
        var rows = Figures.OrderBy(f => f.Tile.Municipality.Code, StringComparer.Ordinal).ToList();
        List<ChartSeries> series = [new(l[Measure.Label], [.. rows.Select(f => f.State == TileState.Suppressed ? null : f.Count)])];
        if (PerThousand) series.Add(new(l["人口千人あたり"], [.. rows.Select(f => f.State == TileState.Shown ? f.Value : null)]));
        return new ChartData(ChartId, $"{Title} {Period}", ChartKind.Bar, l["市区町村"], [.. rows.Select(f => f.Tile.Municipality.Name)], series);
    }

    /// <summary>What the tile says to a screen reader: the name, the value (or why there is none) and the class.</summary>
    public string AccessibleName(TileFigure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        // The tile's visible words first (WCAG 2.5.3: speech users say what they see), then the full name if shortened.
        var name = figure.Tile.Municipality.Name;
        var shown = $"{TileLayout.ShortName(figure.Tile.Municipality)} {ValueText(figure)}";
        return shown.StartsWith(name, StringComparison.Ordinal) ? shown : l["{0}（{1}）", shown, name];
    }

    public string ValueText(TileFigure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        return figure.State switch
        {
            TileState.Suppressed => l["非公開"],
            TileState.NoPopulation => l["人口未登録"],
            _ => MapClass.Format(figure.Value!.Value),
        };
    }
}
