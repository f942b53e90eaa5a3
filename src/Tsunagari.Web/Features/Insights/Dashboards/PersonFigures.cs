using System.Globalization;
using Tsunagari.Features.Engagement;

namespace Tsunagari.Features.Insights.Dashboards;

/// <summary>One additive figure a person adds to: a municipality, a measure, a key and a quarter.</summary>
public readonly record struct FigureKey(string MunicipalityCode, string Measure, string Key, int Quarter);

/// <summary>
/// The pure rules of the people measures: from a person's journeys and activities to their
/// <see cref="DashboardContribution"/>, and from a contribution to the figures it adds. The incremental update and the
/// rebuild both use these, so they cannot disagree.
/// </summary>
public static class PersonFigures
{
    /// <summary>One journey as the rules need it.</summary>
    public readonly record struct JourneyFact(string MunicipalityCode, int Activities, JourneyStage Stage);

    /// <summary>One activity: its quarter and hours.</summary>
    public readonly record struct ActivityFact(int Quarter, decimal Hours);

    /// <summary>
    /// A person's contribution, or null without a journey (nothing to count). The municipality is that of the journeys with
    /// the most activities (then the most journeys, then the lowest code), so that a person counts in one place only.
    /// </summary>
    public static DashboardContribution? Contribution(Guid accountId, IReadOnlyCollection<JourneyFact> journeys, IEnumerable<JourneyStage> reached, IEnumerable<ActivityFact> activities)
    {
        ArgumentNullException.ThrowIfNull(journeys);
        if (journeys.Count == 0) return null;
        var municipality = journeys
            .GroupBy(j => j.MunicipalityCode, StringComparer.Ordinal)
            .Select(g => (Code: g.Key, Activities: g.Sum(j => j.Activities), Journeys: g.Count()))
            .OrderByDescending(g => g.Activities).ThenByDescending(g => g.Journeys).ThenBy(g => g.Code, StringComparer.Ordinal)
            .First().Code;
        var stage = journeys.Max(j => (int)j.Stage);
        var mask = reached.Aggregate(0, (m, s) => m | (1 << (int)s));
        var quarters = activities.GroupBy(a => a.Quarter).OrderBy(g => g.Key)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key}:{g.Count()}:{g.Sum(a => a.Hours)}"));
        return new DashboardContribution(accountId, municipality, stage, mask, string.Join(';', quarters));
    }

    /// <summary>The figures a contribution adds (see docs/insights-dashboards.md for each measure).</summary>
    public static IEnumerable<(FigureKey Key, decimal Value)> Figures(DashboardContribution contribution)
    {
        ArgumentNullException.ThrowIfNull(contribution);
        var code = contribution.MunicipalityCode;
        var quarters = ParseQuarters(contribution.Quarters);
        foreach (var (quarter, activities, hours) in quarters)
        {
            yield return (new(code, RegionalMeasures.Participants, "", quarter), 1);
            yield return (new(code, RegionalMeasures.Activities, "", quarter), activities);
            if (hours != 0) yield return (new(code, RegionalMeasures.Hours, "", quarter), hours);
        }
        if (quarters.Count > 0) yield return (new(code, RegionalMeasures.Newcomers, "", quarters[0].Quarter), 1);
        // A rolling year: the quarter itself and the three after it see each active quarter.
        var years = quarters.SelectMany(q => Following(q.Quarter, 4)).Distinct().Order();
        foreach (var year in years)
        {
            yield return (new(code, RegionalMeasures.ParticipantsYear, "", year), 1);
            var inYear = quarters.Where(q => q.Quarter <= year && Following(q.Quarter, 4).Contains(year)).Sum(q => q.Activities);
            if (inYear >= 2) yield return (new(code, RegionalMeasures.RepeatersYear, "", year), 1);
        }
        if (contribution.Stage > 0)
            yield return (new(code, RegionalMeasures.Stage, ((JourneyStage)contribution.Stage).ToString(), RegionalFigure.AllTime), 1);
        foreach (var stage in Enum.GetValues<JourneyStage>())
        {
            if ((contribution.Reached & (1 << (int)stage)) == 0) continue;
            yield return (new(code, RegionalMeasures.Reached, stage.ToString(), RegionalFigure.AllTime), 1);
            if ((contribution.Reached & (1 << ((int)stage - 1))) != 0)
                yield return (new(code, RegionalMeasures.Converted, stage.ToString(), RegionalFigure.AllTime), 1);
        }
    }

    /// <summary>A quarter and the <paramref name="count"/> − 1 quarters after it.</summary>
    public static IEnumerable<int> Following(int quarter, int count)
    {
        for (var i = 0; i < count; i++, quarter = RegionalFigure.NextQuarter(quarter)) yield return quarter;
    }

    public static IReadOnlyList<(int Quarter, int Activities, decimal Hours)> ParseQuarters(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0) return [];
        return [.. text.Split(';').Select(item => item.Split(':')).Select(p => (
            int.Parse(p[0], CultureInfo.InvariantCulture),
            int.Parse(p[1], CultureInfo.InvariantCulture),
            decimal.Parse(p[2], CultureInfo.InvariantCulture)))];
    }

    /// <summary>Adds (sign +1) or removes (−1) a contribution's figures to running totals.</summary>
    public static void Accumulate(Dictionary<FigureKey, decimal> totals, DashboardContribution contribution, int sign)
    {
        ArgumentNullException.ThrowIfNull(totals);
        foreach (var (key, value) in Figures(contribution))
            totals[key] = totals.GetValueOrDefault(key) + (sign * value);
    }
}
