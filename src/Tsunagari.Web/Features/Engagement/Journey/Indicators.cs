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

    public static double? Rate(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);

    /// <summary>
    /// The figures as the public sees them: counts from 1 to <see cref="MinimumCount"/> − 1 hidden, with the rates and the
    /// median that rest on them. Computed figures are stored whole; this is applied when they are shown.
    /// </summary>
    public Indicators Suppress()
    {
        if (Suppressed) return this;
        var whole = Participants ?? 0;
        return this with
        {
            Participants = Hide(Participants),
            NewcomersPerQuarter = [.. NewcomersPerQuarter.Select(q => q with { Count = Hide(q.Count) })],
            MunicipalitiesReached = Hide(MunicipalitiesReached),
            Organizations = Hide(Organizations),
            Repeaters = Hide(Repeaters),
            RepeatRate = HideRate(RepeatRate, Repeaters, whole),
            MedianTenureDays = whole < MinimumCount ? null : MedianTenureDays,
            CoPlanning = Hide(CoPlanning),
            CoPlanningShare = HideRate(CoPlanningShare, CoPlanning, whole),
            Rooted = Hide(Rooted),
            RootedShare = HideRate(RootedShare, Rooted, whole),
            ConnectedOrganizations = Hide(ConnectedOrganizations),
            CrossSectorTies = Hide(CrossSectorTies),
            Suppressed = true,
        };
    }

    private static int? Hide(int? count) => count is > 0 and < MinimumCount ? null : count;

    private static double? HideRate(double? rate, int? part, int whole) => part is > 0 and < MinimumCount || whole < MinimumCount ? null : rate;
}
