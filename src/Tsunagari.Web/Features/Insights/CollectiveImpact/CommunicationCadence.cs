namespace Tsunagari.Features.Insights.CollectiveImpact;

/// <summary>
/// How regular the communication has been: the days between consecutive log entries (by date), their median, and every
/// gap longer than the agreed interval — including the one still open from the last entry to today.
/// </summary>
public sealed record CommunicationCadence(int Entries, double? MedianGapDays, IReadOnlyList<CommunicationCadence.Gap> LongGaps, int? DaysSinceLast)
{
    /// <summary>A stretch without communication; <see cref="To"/> is today for the open one (<see cref="Open"/>).</summary>
    public sealed record Gap(DateOnly From, DateOnly To, int Days, bool Open);

    public bool IsOverdue => LongGaps.Any(g => g.Open);

    public static CommunicationCadence Of(IEnumerable<DateOnly> dates, int intervalDays, DateOnly today)
    {
        var sorted = dates.Distinct().Order().ToList();
        if (sorted.Count == 0) return new CommunicationCadence(0, null, [], null);
        var gaps = sorted.Zip(sorted.Skip(1), (a, b) => new Gap(a, b, b.DayNumber - a.DayNumber, false)).ToList();
        var since = today.DayNumber - sorted[^1].DayNumber;
        var lengths = gaps.Select(g => g.Days).Order().ToList();
        double? median = lengths.Count == 0 ? null
            : lengths.Count % 2 == 1 ? lengths[lengths.Count / 2] : (lengths[(lengths.Count / 2) - 1] + lengths[lengths.Count / 2]) / 2.0;
        var open = since > intervalDays ? new Gap(sorted[^1], today, since, true) : null;
        var longGaps = gaps.Where(g => g.Days > intervalDays).ToList();
        if (open is not null) longGaps.Add(open);
        return new CommunicationCadence(sorted.Count, median, longGaps, since);
    }
}
