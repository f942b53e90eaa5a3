using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Tsunagari.Features.Insights.Charts;
using Tsunagari.Features.Regions;
using Tsunagari.Platform;
using Tsunagari.Resources;

namespace Tsunagari.Features.Insights.Dashboards;

/// <summary>
/// 2 to 10 municipalities (or wards) side by side, per 1,000 residents where the population is known. Codes come as
/// <c>codes=121002,122033</c> or as repeated <c>codes</c> (the form's checkboxes); wrong or unknown codes are named in a
/// message on the page, never an error page.
/// </summary>
[AllowAnonymous]
[OutputCache(PolicyName = InsightsCaching.Policy)]
public sealed class CompareDashboardModel(DashboardReader reader, Japan japan, IOptions<TsunagariOptions> options,
    IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    public const int MinCount = 2;
    public const int MaxCount = 10;

    /// <summary>At most this many characters of codes are read, so a huge query cannot cost much.</summary>
    public const int MaxCodesLength = 200;

    public Prefecture Prefecture { get; private set; } = null!;
    public DashboardPeriod Period { get; private set; } = null!;
    public int CurrentQuarter { get; private set; }
    public IReadOnlySet<string> Selected { get; private set; } = new HashSet<string>();
    public IReadOnlyList<MunicipalityFigures> Rows { get; private set; } = [];
    public IReadOnlyList<ChartData> Charts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? to, string? quarters, CancellationToken cancellationToken)
    {
        Prefecture = japan.Prefecture(options.Value.Prefecture) ?? throw new InvalidOperationException("Tsunagari:Prefecture is validated on start.");
        CurrentQuarter = RegionalFigure.QuarterOf(JapanTime.Date(clock.GetUtcNow()));
        var period = DashboardPeriod.TryParse(to, quarters, CurrentQuarter);
        if (period is null) ModelState.AddModelError("to", l["期間は、{0}までの四半期と、4・8・12のいずれかの四半期数で指定してください。", RegionalFigure.QuarterLabel(CurrentQuarter)]);
        Period = period ?? DashboardPeriod.Default(CurrentQuarter);
        var units = ReadCodes();
        if (units is not null)
        {
            Rows = await reader.TableAsync(units, Period, cancellationToken);
            Charts = BuildCharts();
        }
        if (ChartDownload.For(Request, Charts, l) is { } download) return download;
        return Page();
    }

    /// <summary>The municipalities asked for, or null (with messages) when none were asked or some codes are wrong.</summary>
    private List<Municipality>? ReadCodes()
    {
        var raw = string.Join(',', Request.Query["codes"].Select(v => v ?? ""));
        if (raw.Length > MaxCodesLength)
        {
            ModelState.AddModelError("codes", l["比べられるのは{0}〜{1}の市区町村です。", MinCount, MaxCount]);
            return null;
        }
        var codes = raw.Split([',', ' ', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
        Selected = codes.ToHashSet(StringComparer.Ordinal);
        if (codes.Count == 0) return null;
        var units = new List<Municipality>();
        foreach (var code in codes)
        {
            if (japan.Municipality(code) is { } m && m.PrefectureCode == Prefecture.Code) units.Add(m);
            else ModelState.AddModelError("codes", l["「{0}」は{1}の市区町村コードではありません。", code, Prefecture.Name]);
        }
        if (units.Count == codes.Count && units.Count is < MinCount or > MaxCount)
            ModelState.AddModelError("codes", l["比べられるのは{0}〜{1}の市区町村です。", MinCount, MaxCount]);
        return ModelState.IsValid ? units : null;
    }

    private List<ChartData> BuildCharts()
    {
        var names = Rows.Select(r => r.Municipality.Name).ToList();
        return
        [
            new("compare-per-thousand", l["人口1,000人あたりの比較"], ChartKind.Bar, l["市区町村"], names,
            [
                new(l["参加者数（直近4四半期）"], [.. Rows.Select(r => r.Headline.ParticipantsPerThousand)]),
                new(l["新規参加者数（期間）"], [.. Rows.Select(r => r.Headline.NewcomersPerThousand)]),
                new(l["ボランティア時間（期間）"], [.. Rows.Select(r => r.Headline.HoursPerThousand)]),
            ]),
            new("compare-counts", l["数の比較"], ChartKind.Bar, l["市区町村"], names,
            [
                new(l["参加者数（直近4四半期）"], [.. Rows.Select(r => r.Headline.Participants)]),
                new(l["新規参加者数（期間）"], [.. Rows.Select(r => r.Headline.Newcomers)]),
                new(l["ボランティア時間（期間）"], [.. Rows.Select(r => r.Headline.Hours)]),
            ]),
        ];
    }
}
