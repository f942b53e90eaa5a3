using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Features.Engagement.Journeys;
using Tsunagari.Features.Insights.Charts;
using Tsunagari.Resources;
using SharedIndicator = Tsunagari.Features.ImpactEvaluation.Indicator;

namespace Tsunagari.Features.Insights.CollectiveImpact;

/// <summary>
/// The figures of an initiative: partners' submitted values by indicator and period, their sums, who has submitted, and
/// the people who took part in partners' activities on the platform — the simple sum of each partner's count (延べ) beside
/// the distinct people (実人数), a person active with several partners counted once.
/// </summary>
public sealed class CollectiveFigures(AppDbContext db, IStringLocalizer<SharedResource> l)
{
    /// <summary>The dashboard shows at most this many periods, the latest ones.</summary>
    public const int MaxPeriods = 8;

    public sealed record Value(decimal Amount, string Note, DateTimeOffset UpdatedAt, int Corrections);

    /// <summary>A partner's standing for a period: all shared indicators submitted, some, or none.</summary>
    public enum Standing
    {
        Missing = 0,
        Partial = 1,
        Complete = 2,
    }

    public sealed record PeopleRow(CollectivePeriod Period, IReadOnlyDictionary<Guid, int> ByPartner, int Sum, int Distinct);

    /// <summary>The shared indicators, in the order they were shared.</summary>
    public async Task<IReadOnlyList<SharedIndicator>> IndicatorsAsync(Guid initiativeId, CancellationToken cancellationToken)
    {
        var links = await db.CollectiveIndicators.AsNoTracking().Where(i => i.InitiativeId == initiativeId)
            .OrderBy(i => i.Order).Select(i => i.IndicatorId).ToListAsync(cancellationToken);
        var indicators = await db.Indicators.AsNoTracking().Where(i => links.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
        return links.Where(indicators.ContainsKey).Select(id => indicators[id]).ToList();
    }

    /// <summary>Every value submitted for the periods, keyed by (organization, indicator, period start).</summary>
    public async Task<IReadOnlyDictionary<(Guid Organization, Guid Indicator, DateOnly Period), Value>> ValuesAsync(Guid initiativeId, IReadOnlyList<CollectivePeriod> periods, CancellationToken cancellationToken)
    {
        if (periods.Count == 0) return new Dictionary<(Guid, Guid, DateOnly), Value>();
        var first = periods[0].Start;
        var last = periods[^1].Start;
        var rows = await db.CollectiveSubmissions.AsNoTracking()
            .Where(s => s.InitiativeId == initiativeId && s.PeriodStart >= first && s.PeriodStart <= last)
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(s => (s.OrganizationId, s.IndicatorId, s.PeriodStart), s => new Value(Plain(s.Value), s.Note, s.UpdatedAt, s.Corrections));
    }

    /// <summary>The value without trailing zeros (the database may give 10.0 for 10), so tables and downloads show 10.</summary>
    private static decimal Plain(decimal value) => value / 1.0000000000000000000000000000m;

    public static Standing StandingOf(Guid organizationId, CollectivePeriod period, IReadOnlyList<SharedIndicator> indicators,
        IReadOnlyDictionary<(Guid Organization, Guid Indicator, DateOnly Period), Value> values)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        ArgumentNullException.ThrowIfNull(values);
        var submitted = indicators.Count(i => values.ContainsKey((organizationId, i.Id, period.Start)));
        return submitted == 0 ? Standing.Missing : submitted == indicators.Count ? Standing.Complete : Standing.Partial;
    }

    /// <summary>The sum of the submitted values of an indicator for a period (partners not yet submitted add nothing).</summary>
    public static decimal SumOf(Guid indicatorId, CollectivePeriod period, IEnumerable<Guid> partners,
        IReadOnlyDictionary<(Guid Organization, Guid Indicator, DateOnly Period), Value> values) =>
        partners.Sum(p => values.TryGetValue((p, indicatorId, period.Start), out var v) ? v.Amount : 0m);

    /// <summary>
    /// People with a checked-in sign-up for a partner's opportunity during each period: per partner (only for periods the
    /// partner covered), their simple sum, and the distinct people across partners.
    /// </summary>
    public async Task<IReadOnlyList<PeopleRow>> PeopleAsync(IReadOnlyList<CollectivePartner> partners, IReadOnlyList<CollectivePeriod> periods, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partners);
        ArgumentNullException.ThrowIfNull(periods);
        var rows = new List<PeopleRow>();
        foreach (var period in periods)
        {
            var covering = partners.Where(p => p.CoversPeriod(period)).Select(p => p.OrganizationId).ToList();
            var start = JourneyRules.StartOfDay(period.Start);
            var end = JourneyRules.StartOfDay(period.End.AddDays(1));
            var pairs = covering.Count == 0 ? [] : await db.SignUps.AsNoTracking()
                .Where(s => covering.Contains(s.OrganizationId) && s.CheckedInAt >= start && s.CheckedInAt < end)
                .Select(s => new { s.OrganizationId, s.AccountId }).Distinct().ToListAsync(cancellationToken);
            var byPartner = covering.ToDictionary(o => o, o => pairs.Count(p => p.OrganizationId == o));
            rows.Add(new PeopleRow(period, byPartner, pairs.Count, pairs.Select(p => p.AccountId).Distinct().Count()));
        }
        return rows;
    }

    /// <summary>A count as the person may see it: 1–4 hidden from all but the staff.</summary>
    public static decimal? Shown(int count, bool staff) => !staff && count is > 0 and < Indicators.MinimumCount ? null : count;

    /// <summary>The public chart of an indicator: the sum across partners per period.</summary>
    public ChartData SumChart(SharedIndicator indicator, IReadOnlyList<CollectivePeriod> periods, IEnumerable<Guid> partners,
        IReadOnlyDictionary<(Guid Organization, Guid Indicator, DateOnly Period), Value> values)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        var ids = partners.ToList();
        return new ChartData($"indicator-{indicator.Id:N}", indicator.Name, ChartKind.Line, l["期間"],
            periods.Select(CollectiveText.Label).ToList(),
            [new ChartSeries(l["パートナーの合計"], periods.Select(p => (decimal?)SumOf(indicator.Id, p, ids, values)).ToList())],
            indicator.Unit);
    }

    /// <summary>The dashboard chart of an indicator: each partner's value per period, stacked (a missing value draws as 0; the status table tells it apart).</summary>
    public ChartData PartnerChart(SharedIndicator indicator, IReadOnlyList<CollectivePeriod> periods, IReadOnlyList<CollectiveAccess.PartnerOrganization> partners,
        IReadOnlyDictionary<(Guid Organization, Guid Indicator, DateOnly Period), Value> values)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(partners);
        var series = partners.Select(p => new ChartSeries(p.Organization.Name, periods
            .Select(period => (decimal?)(values.TryGetValue((p.Organization.Id, indicator.Id, period.Start), out var v) ? v.Amount : 0m)).ToList())).ToList();
        return new ChartData($"partners-{indicator.Id:N}", l["{0}（パートナー別）", indicator.Name], ChartKind.StackedBar, l["期間"],
            periods.Select(CollectiveText.Label).ToList(), series, indicator.Unit);
    }

    /// <summary>The people chart: per partner, their simple sum (延べ) and the distinct people (実人数), small counts hidden unless staff.</summary>
    public ChartData PeopleChart(IReadOnlyList<PeopleRow> rows, IReadOnlyList<CollectiveAccess.PartnerOrganization> partners, bool staff)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(partners);
        var series = partners.Select(p => new ChartSeries(p.Organization.Name,
            rows.Select(r => r.ByPartner.TryGetValue(p.Organization.Id, out var n) ? Shown(n, staff) : 0m).ToList())).ToList();
        series.Add(new ChartSeries(l["延べ人数（団体ごとの合計）"], rows.Select(r => Shown(r.Sum, staff)).ToList()));
        series.Add(new ChartSeries(l["実人数（重複を除く）"], rows.Select(r => Shown(r.Distinct, staff)).ToList()));
        return new ChartData("people", l["パートナーの活動に参加した人"], ChartKind.Bar, l["期間"],
            rows.Select(r => CollectiveText.Label(r.Period)).ToList(), series, l["人"]);
    }

    /// <summary>The latest periods up to today, at most <see cref="MaxPeriods"/>.</summary>
    public static IReadOnlyList<CollectivePeriod> RecentPeriods(CollectiveInitiative initiative, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(initiative);
        var all = initiative.PeriodsUntil(today);
        return all.Skip(Math.Max(0, all.Count - MaxPeriods)).ToList();
    }
}
