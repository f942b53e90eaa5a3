using Tsunagari.Features.Engagement.Journeys;

namespace Tsunagari.Features.Insights.Dashboards;

/// <summary>The summed figures of one scope, looked up by measure, key and quarter (0 when absent).</summary>
public sealed class DashboardFigures(IEnumerable<FigureSum> sums)
{
    private readonly Dictionary<(string Measure, string Key, int Quarter), decimal> values =
        sums.GroupBy(s => (s.Measure, s.Key, s.Quarter)).ToDictionary(g => g.Key, g => Normalize(g.Sum(s => s.Value)));

    /// <summary>5 rather than 5.00 (the column's scale) in tables and downloads.</summary>
    public static decimal Normalize(decimal value) => value / 1.000000000000000000000000000000000m;

    public decimal Get(string measure, string key, int quarter) => values.GetValueOrDefault((measure, key, quarter));

    public decimal Sum(string measure, IEnumerable<int> quarters, string key = "") => quarters.Sum(q => Get(measure, key, q));

    /// <summary>The keys a measure has figures for.</summary>
    public IEnumerable<string> Keys(string measure) => values.Keys.Where(k => k.Measure == measure).Select(k => k.Key).Distinct();

    /// <summary>A count of people as the public sees it: 1–4 hidden (null).</summary>
    public static decimal? Hide(decimal count) => count is > 0 and < Indicators.MinimumCount ? null : count;

    /// <summary>A share in percent, hidden when its numerator is 1–4 or its denominator below 5.</summary>
    public static decimal? Rate(decimal part, decimal whole) =>
        whole < Indicators.MinimumCount || part is > 0 and < Indicators.MinimumCount ? null : Math.Round(part * 100 / whole, 1);

    /// <summary>Hours (or activities) of a quarter, hidden when they rest on 1–4 participants.</summary>
    public decimal? ActivityOf(string measure, int quarter) =>
        Hide(Get(RegionalMeasures.Participants, "", quarter)) is null ? null : Get(measure, "", quarter);

    /// <summary>Hours (or activities) of a period, hidden when any of its quarters is.</summary>
    public decimal? ActivityOf(string measure, IReadOnlyList<int> quarters) =>
        quarters.Any(q => ActivityOf(measure, q) is null) ? null : Sum(measure, quarters);
}
