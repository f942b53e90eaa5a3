namespace Tsunagari.Features.Insights.Map;

/// <summary>
/// An indicator the map, the open data and its API offer: a <see cref="RegionalFigure"/> measure and key, its label and
/// unit (Japanese keys of the shared resource), whether it counts people (then 1–4 is not shown publicly) and whether a
/// figure per 1,000 residents makes sense for it.
/// </summary>
public sealed record MapMeasure(string Measure, string Key, string Label, string Unit, bool CountsPeople, bool PerThousand);

/// <summary>The measures of the regional dashboards that can be shown per municipality; the dashboards write them.</summary>
public static class MapMeasures
{
    public static readonly IReadOnlyList<MapMeasure> All =
    [
        new("participants", "", "参加者数", "人", CountsPeople: true, PerThousand: true),
        new("newcomers", "", "新しく参加した人", "人", CountsPeople: true, PerThousand: true),
        new("hours", "", "活動時間", "時間", CountsPeople: false, PerThousand: true),
    ];

    public static MapMeasure? Find(string? measure) =>
        All.FirstOrDefault(m => string.Equals(m.Measure, measure?.Trim(), StringComparison.OrdinalIgnoreCase));
}
