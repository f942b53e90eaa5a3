using Tsunagari.Features.Insights.Dashboards;

namespace Tsunagari.Features.Insights.Map;

/// <summary>
/// An indicator the map, the open data and its API offer: a <see cref="RegionalFigure"/> measure and key, its label and
/// unit (Japanese keys of the shared resource), whether it counts people (then 1–4 is not shown publicly), whether a
/// figure per 1,000 residents makes sense for it and whether its quarters add up (people counted per quarter do not:
/// the same person is in several quarters).
/// </summary>
public sealed record MapMeasure(string Measure, string Key, string Label, string Unit, bool CountsPeople, bool PerThousand, bool SumsOverQuarters);

/// <summary>The measures of the regional dashboards (<see cref="RegionalMeasures"/>), as the map and the open data offer them.</summary>
public static class MapMeasures
{
    private static readonly HashSet<string> CountedPerQuarter =
        [RegionalMeasures.Participants, RegionalMeasures.ParticipantsYear, RegionalMeasures.RepeatersYear];

    /// <summary>Every measure, for the open data.</summary>
    public static readonly IReadOnlyList<MapMeasure> All =
    [
        .. RegionalMeasures.All.Select(m => new MapMeasure(m.Name, "", m.Label, m.Unit, m.CountsPeople,
            PerThousand: m.Unit is "人" or "時間" or "回" or "円", SumsOverQuarters: !CountedPerQuarter.Contains(m.Name))),
    ];

    /// <summary>The measures by quarter without a key, which one colour per municipality can show.</summary>
    public static readonly IReadOnlyList<MapMeasure> Mappable =
        [.. All.Where(m => RegionalMeasures.Find(m.Measure) is { Period: MeasurePeriod.Quarter, KeyMeaning: "" })];

    public static MapMeasure? Find(string? measure) => Find(All, measure);

    public static MapMeasure? FindMappable(string? measure) => Find(Mappable, measure);

    private static MapMeasure? Find(IEnumerable<MapMeasure> measures, string? measure) =>
        measures.FirstOrDefault(m => string.Equals(m.Measure, measure?.Trim(), StringComparison.OrdinalIgnoreCase));
}
