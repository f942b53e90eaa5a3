namespace Tsunagari.Features.Engagement.Journeys;

/// <summary>
/// The seed's point ③ for an organization or a municipality (definitions and formulas in docs/indicators.md). A null count
/// or rate is suppressed: shown only when every count it rests on is 0 or at least <see cref="MinimumCount"/>.
/// </summary>
public sealed record Indicators(
    DateOnly From,
    DateOnly To,
    int? Participants,
    IReadOnlyList<Indicators.QuarterCount> NewcomersPerQuarter,
    int? MunicipalitiesReached,
    int? Organizations,
    int? Repeaters,
    double? RepeatRate,
    double? MedianTenureDays,
    int? CoPlanning,
    double? CoPlanningShare,
    int? Rooted,
    double? RootedShare,
    int? ConnectedOrganizations,
    int? CrossSectorTies,
    bool Suppressed)
{
    /// <summary>Counts from 1 to this minus one could point at individuals, so public figures hide them.</summary>
    public const int MinimumCount = 5;

    /// <summary>Newcomers in one calendar quarter (Japan time), e.g. "2026Q3".</summary>
    public sealed record QuarterCount(string Quarter, int? Count);

    public static int? Count(int value, bool suppress) => suppress && value is > 0 and < MinimumCount ? null : value;

    public static double? Rate(int part, int whole, bool suppress) =>
        whole == 0 || (suppress && (part is > 0 and < MinimumCount || whole < MinimumCount)) ? null : Math.Round((double)part / whole, 4);
}
