using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Features.Collaboration;
using Tsunagari.Features.Engagement;
using Tsunagari.Features.Engagement.Journeys;
using Tsunagari.Features.Insights.Charts;
using Tsunagari.Features.Organizations;
using Tsunagari.Features.ProBono;
using Tsunagari.Features.ProBono.Projects;
using Tsunagari.Features.Regions;
using Tsunagari.Platform.Localization;
using Tsunagari.Resources;

namespace Tsunagari.Features.Insights.Dashboards;

/// <summary>The residents of a scope, as uploaded: the total, the oldest date and the sources.</summary>
public sealed record ScopePopulation(long Residents, DateOnly AsOf, string Sources);

/// <summary>The headline figures of a scope and period, suppressed, with per-1,000 figures when the population is known.</summary>
public sealed record DashboardHeadline(
    decimal? Participants,
    decimal? Newcomers,
    decimal? Hours,
    ScopePopulation? Population)
{
    public decimal? ParticipantsPerThousand => Per(Participants);
    public decimal? NewcomersPerThousand => Per(Newcomers);
    public decimal? HoursPerThousand => Per(Hours);

    private decimal? Per(decimal? value) => value is { } v && Population is { } p ? MunicipalityPopulation.PerThousand(v, p.Residents) : null;
}

/// <summary>One indicator of the seed's three qualities, with its formula (docs/insights-dashboards.md).</summary>
public sealed record DashboardIndicator(string Quality, string Name, decimal? Value, string Unit, string Formula);

/// <summary>Everything a dashboard page shows for one scope.</summary>
public sealed record Dashboard(DashboardHeadline Headline, IReadOnlyList<ChartData> Charts, IReadOnlyList<DashboardIndicator> Indicators);

/// <summary>A municipality's key figures in a table of municipalities (a designated city with its wards).</summary>
public sealed record MunicipalityFigures(Municipality Municipality, DashboardHeadline Headline);

/// <summary>
/// Reads a dashboard from the precomputed figures only: one query for the scope's sums, one for the population, one
/// for the ways' names; never from participation records. Suppression is applied here, as the public sees it.
/// </summary>
public sealed class DashboardReader(AppDbContext db, IStringLocalizer<SharedResource> l)
{
    private static readonly string[] TableMeasures = [RegionalMeasures.ParticipantsYear, RegionalMeasures.Newcomers, RegionalMeasures.Hours, RegionalMeasures.Participants];

    /// <summary>The dashboard of the municipalities <paramref name="units"/> (top-level municipalities, or one ward); null = the whole prefecture.</summary>
    public async Task<Dashboard> ReadAsync(IReadOnlyList<Municipality> units, bool wholePrefecture, DashboardPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(period);
        var codes = wholePrefecture ? null : units.SelectMany(RegionalFigures.CodesOf).ToList();
        var figures = new DashboardFigures(await RegionalFigures.SumAsync(db, codes, [.. RegionalMeasures.All.Select(m => m.Name)], cancellationToken));
        var population = (await PopulationsAsync(units, cancellationToken)).Total;
        var ways = await db.WaysToTakePart.AsNoTracking().OrderBy(w => w.SortOrder).Select(w => new { w.Key, w.Name, w.NameEn }).ToListAsync(cancellationToken);
        var headline = Headline(figures, period, population);
        var charts = new List<ChartData>
        {
            Trend(figures, period),
            HoursTrend(figures, period),
            Organizations(figures, period),
            Chart("opportunities-field", "分野別の募集数", ChartKind.HorizontalBar, "分野", "件",
                FieldsOfActivity.All.Select(f => (f.Number.ToString(CultureInfo.InvariantCulture), Cultures.IsEnglish ? f.NameEn : f.Name)),
                (l["募集数"], k => figures.Get(RegionalMeasures.OpportunitiesByField, k, RegionalFigure.AllTime))),
            Chart("opportunities-way", "関わり方別の募集数", ChartKind.HorizontalBar, "関わり方", "件",
                ways.Select(w => (w.Key, Cultures.IsEnglish ? w.NameEn : w.Name)),
                (l["募集数"], k => figures.Get(RegionalMeasures.OpportunitiesByWay, k, RegionalFigure.AllTime))),
            Journey(figures),
            Conversion(figures),
            Money(figures, period),
            Chart("pro-bono", "プロボノプロジェクト", ChartKind.Bar, "状況", "件",
                Enum.GetValues<ProjectStatus>().Select(s => (s.ToString(), l[ProjectText.For(s)].Value)),
                (l["プロジェクト数"], k => figures.Get(RegionalMeasures.ProBonoProjects, k, RegionalFigure.AllTime))),
            Chart("pilots", "協働の試行", ChartKind.Bar, "段階", "件",
                Enum.GetValues<PilotDecision>().Select(d => (d.ToString(), l[CollaborationText.For(d)].Value)).Prepend((DashboardOrganizationFigures.PilotRunning, l["試行中"].Value)),
                (l["試行数"], k => figures.Get(RegionalMeasures.Pilots, k, RegionalFigure.AllTime))),
        };
        return new Dashboard(headline, charts, Indicators(figures, period, headline));
    }

    /// <summary>The key figures of each municipality (wards folded into their city), from one query over all of them.</summary>
    public async Task<IReadOnlyList<MunicipalityFigures>> TableAsync(IReadOnlyList<Municipality> municipalities, DashboardPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(municipalities);
        ArgumentNullException.ThrowIfNull(period);
        var owner = municipalities.SelectMany(m => RegionalFigures.CodesOf(m).Select(c => (Code: c, Owner: m.Code))).ToDictionary(x => x.Code, x => x.Owner, StringComparer.Ordinal);
        var codes = owner.Keys.ToList();
        var from = period.From;
        var rows = await db.RegionalFigures.AsNoTracking()
            .Where(f => codes.Contains(f.MunicipalityCode) && TableMeasures.Contains(f.Measure) && f.Quarter >= from && f.Quarter <= period.To)
            .GroupBy(f => new { f.MunicipalityCode, f.Measure, f.Quarter })
            .Select(g => new { g.Key.MunicipalityCode, g.Key.Measure, g.Key.Quarter, Value = g.Sum(f => f.Value) })
            .ToListAsync(cancellationToken);
        var byOwner = rows.ToLookup(r => owner[r.MunicipalityCode], r => new FigureSum(r.Measure, "", r.Quarter, r.Value));
        var populations = (await PopulationsAsync(municipalities, cancellationToken)).Each;
        return [.. municipalities.Select(m => new MunicipalityFigures(m, Headline(new DashboardFigures(byOwner[m.Code]), period, populations.GetValueOrDefault(m.Code))))];
    }

    /// <summary>
    /// The population of each unit (its own row, or a designated city's wards when all are known) and of all of them
    /// together (null unless every unit's is known, so a per-1,000 figure never rests on part of the residents).
    /// </summary>
    public async Task<(ScopePopulation? Total, Dictionary<string, ScopePopulation> Each)> PopulationsAsync(IReadOnlyList<Municipality> units, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(units);
        var codes = units.SelectMany(RegionalFigures.CodesOf).ToList();
        var rows = await db.MunicipalityPopulations.AsNoTracking().Where(p => codes.Contains(p.MunicipalityCode))
            .Select(p => new { p.MunicipalityCode, p.Population, p.AsOf, p.Source }).ToDictionaryAsync(p => p.MunicipalityCode, cancellationToken);
        var each = new Dictionary<string, ScopePopulation>(StringComparer.Ordinal);
        foreach (var unit in units)
        {
            var parts = rows.TryGetValue(unit.Code, out var own) ? [own] : unit.Wards.Select(w => rows.GetValueOrDefault(w.Code)).ToList();
            if (parts.Count == 0 || parts.Any(p => p is null)) continue;
            each[unit.Code] = new ScopePopulation(parts.Sum(p => (long)p!.Population), parts.Min(p => p!.AsOf), string.Join("、", parts.Select(p => p!.Source).Distinct()));
        }
        ScopePopulation? total = units.Count > 0 && units.All(u => each.ContainsKey(u.Code))
            ? new(units.Sum(u => each[u.Code].Residents), units.Min(u => each[u.Code].AsOf), string.Join("、", units.Select(u => each[u.Code].Sources).Distinct()))
            : null;
        return (total, each);
    }

    private static DashboardHeadline Headline(DashboardFigures figures, DashboardPeriod period, ScopePopulation? population) => new(
        DashboardFigures.Hide(figures.Get(RegionalMeasures.ParticipantsYear, "", period.To)),
        DashboardFigures.Hide(figures.Sum(RegionalMeasures.Newcomers, period.Quarters)),
        figures.ActivityOf(RegionalMeasures.Hours, period.Quarters),
        population);

    private ChartData Trend(DashboardFigures figures, DashboardPeriod period) => new(
        "participants", l["参加者の推移"], ChartKind.Line, l["四半期"], [.. period.Quarters.Select(RegionalFigure.QuarterLabel)],
        [
            new(l["参加者数"], [.. period.Quarters.Select(q => DashboardFigures.Hide(figures.Get(RegionalMeasures.Participants, "", q)))]),
            new(l["新規参加者数"], [.. period.Quarters.Select(q => DashboardFigures.Hide(figures.Get(RegionalMeasures.Newcomers, "", q)))]),
            new(l["直近4四半期の参加者数"], [.. period.Quarters.Select(q => DashboardFigures.Hide(figures.Get(RegionalMeasures.ParticipantsYear, "", q)))]),
        ],
        l["人"]);

    private ChartData HoursTrend(DashboardFigures figures, DashboardPeriod period) => new(
        "hours", l["ボランティア時間の推移"], ChartKind.Bar, l["四半期"], [.. period.Quarters.Select(RegionalFigure.QuarterLabel)],
        [
            new(l["ボランティア時間"], [.. period.Quarters.Select(q => figures.ActivityOf(RegionalMeasures.Hours, q))]),
            new(l["活動回数"], [.. period.Quarters.Select(q => figures.ActivityOf(RegionalMeasures.Activities, q))]),
        ]);

    private ChartData Organizations(DashboardFigures figures, DashboardPeriod period)
    {
        var kinds = Enum.GetValues<OrganizationKind>();
        return new("organizations", l["種類別の団体数"], ChartKind.Bar, l["団体の種類"], [.. kinds.Select(k => l[OrganizationKindText.For(k)].Value)],
            [
                new(l["登録団体数"], [.. kinds.Select(k => (decimal?)figures.Get(RegionalMeasures.Organizations, k.ToString(), RegionalFigure.AllTime))]),
                new(l["{0}に活動中の団体数", RegionalFigure.QuarterLabel(period.To)], [.. kinds.Select(k => (decimal?)figures.Get(RegionalMeasures.ActiveOrganizations, k.ToString(), period.To))]),
            ],
            l["団体"]);
    }

    private ChartData Journey(DashboardFigures figures)
    {
        var stages = Enum.GetValues<JourneyStage>();
        return new("journey", l["関わりの段階"], ChartKind.Bar, l["段階"], [.. stages.Select(s => l[JourneyStageText.For(s)].Value)],
            [
                new(l["現在の段階別の人数"], [.. stages.Select(s => DashboardFigures.Hide(figures.Get(RegionalMeasures.Stage, s.ToString(), RegionalFigure.AllTime)))]),
                new(l["各段階に到達した人数"], [.. stages.Select(s => DashboardFigures.Hide(figures.Get(RegionalMeasures.Reached, s.ToString(), RegionalFigure.AllTime)))]),
            ],
            l["人"]);
    }

    private ChartData Conversion(DashboardFigures figures)
    {
        var steps = Enum.GetValues<JourneyStage>().Skip(1).ToList();
        return new("conversion", l["段階の間の移行率"], ChartKind.Bar, l["段階"],
            [.. steps.Select(s => $"{l[JourneyStageText.For(s - 1)]} → {l[JourneyStageText.For(s)]}")],
            [new(l["移行率"], [.. steps.Select(s => DashboardFigures.Rate(
                figures.Get(RegionalMeasures.Converted, s.ToString(), RegionalFigure.AllTime),
                figures.Get(RegionalMeasures.Reached, (s - 1).ToString(), RegionalFigure.AllTime)))])],
            "%");
    }

    private ChartData Money(DashboardFigures figures, DashboardPeriod period) => new(
        "money", l["寄付と助成"], ChartKind.Bar, l["四半期"], [.. period.Quarters.Select(RegionalFigure.QuarterLabel)],
        [
            new(l["寄付の受領額"], [.. period.Quarters.Select(q => (decimal?)figures.Get(RegionalMeasures.Donations, "", q))]),
            new(l["助成の決定額"], [.. period.Quarters.Select(q => (decimal?)figures.Get(RegionalMeasures.Grants, "", q))]),
        ],
        l["円"]);

    private ChartData Chart(string id, string title, ChartKind kind, string heading, string unit, IEnumerable<(string Key, string Label)> categories, (string Name, Func<string, decimal> Value) series)
    {
        var list = categories.ToList();
        return new(id, l[title], kind, l[heading], [.. list.Select(c => c.Label)], [new(series.Name, [.. list.Select(c => (decimal?)series.Value(c.Key))])], l[unit]);
    }

    private List<DashboardIndicator> Indicators(DashboardFigures figures, DashboardPeriod period, DashboardHeadline headline)
    {
        var year = figures.Get(RegionalMeasures.ParticipantsYear, "", period.To);
        var staged = Enum.GetValues<JourneyStage>().Sum(s => figures.Get(RegionalMeasures.Stage, s.ToString(), RegionalFigure.AllTime));
        var active = Enum.GetValues<OrganizationKind>().Sum(k => figures.Get(RegionalMeasures.ActiveOrganizations, k.ToString(), period.To));
        decimal ShareOf(JourneyStage stage) => figures.Get(RegionalMeasures.Stage, stage.ToString(), RegionalFigure.AllTime);
        return
        [
            new(l["広がり"], l["参加者数（直近4四半期）"], headline.Participants, l["人"], l["直近4四半期に1回以上活動した人（1人は1回だけ数える）"]),
            new(l["広がり"], l["新規参加者数（期間）"], headline.Newcomers, l["人"], l["期間中に初めて活動した人"]),
            new(l["広がり"], l["1,000人あたりの参加者数"], headline.ParticipantsPerThousand, l["人"], l["参加者数（直近4四半期）÷ 人口 × 1,000"]),
            new(l["広がり"], l["活動中の団体数"], active, l["団体"], l["期間の最後の四半期に参加者の活動期間が重なる団体"]),
            new(l["深まり"], l["リピート率"], DashboardFigures.Rate(figures.Get(RegionalMeasures.RepeatersYear, "", period.To), year), "%", l["直近4四半期に2回以上活動した人 ÷ 参加者数（直近4四半期）"]),
            new(l["深まり"], l["参画の割合"], DashboardFigures.Rate(ShareOf(JourneyStage.CoPlanning), staged), "%", l["現在の最も深い段階が参画の人 ÷ 段階のある人"]),
            new(l["深まり"], l["定着の割合"], DashboardFigures.Rate(ShareOf(JourneyStage.Rooted), staged), "%", l["現在の最も深い段階が地域での定着の人 ÷ 段階のある人"]),
        ];
    }
}
