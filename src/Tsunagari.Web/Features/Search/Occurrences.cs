using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Tsunagari.Features.Opportunities;
using Tsunagari.Platform;

namespace Tsunagari.Features.Search;

/// <summary>
/// When an opportunity takes place, as far as search needs it: the Japan dates it is on (for the date filters) and its
/// next occurrence (for sorting by date). Recurring opportunities are expanded with Ical.Net in Asia/Tokyo over the
/// next <see cref="Horizon"/>; the index is rebuilt often enough (every change, every start) for that to stay useful.
/// </summary>
public static class Occurrences
{
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(90);

    /// <summary>A one-off opportunity longer than this is counted on its first year only.</summary>
    private const int MaxDays = 366;

    private const int MaxOccurrences = 400;

    public sealed record Schedule(IReadOnlyList<int> Days, DateTimeOffset Start, DateTimeOffset End, long SortKey);

    public static Schedule Of(Opportunity opportunity, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(opportunity);
        var periods = Expand(opportunity, now);
        var days = new SortedSet<int>();
        foreach (var (start, end) in periods)
        {
            var first = JapanDate(start);
            var last = JapanDate(end > start ? end.AddTicks(-1) : start);
            for (var (d, n) = (first, 0); d <= last && n < MaxDays; d = d.AddDays(1), n++) days.Add(SearchItem.DayNumber(d));
        }
        var next = periods.FirstOrDefault(p => p.End >= now);
        if (next == default)
        {
            // Past: after everything upcoming, the most recent first.
            var last = periods.Count > 0 ? periods[^1] : (Start: opportunity.StartsAt, End: opportunity.EndsAt);
            return new Schedule([.. days], last.Start, last.End, long.MaxValue - last.Start.UtcTicks);
        }
        return new Schedule([.. days], next.Start, next.End, next.Start.UtcTicks);
    }

    private static List<(DateTimeOffset Start, DateTimeOffset End)> Expand(Opportunity opportunity, DateTimeOffset now)
    {
        var single = new List<(DateTimeOffset Start, DateTimeOffset End)> { (opportunity.StartsAt, opportunity.EndsAt) };
        if (string.IsNullOrWhiteSpace(opportunity.RecurrenceRule)) return single;
        try
        {
            var duration = opportunity.EndsAt - opportunity.StartsAt;
            var localStart = TimeZoneInfo.ConvertTime(opportunity.StartsAt, JapanTime.Zone).DateTime;
            var calendarEvent = new CalendarEvent
            {
                DtStart = new CalDateTime(DateTime.SpecifyKind(localStart, DateTimeKind.Unspecified), JapanTime.Zone.Id),
                Duration = Duration.FromTimeSpanExact(duration < TimeSpan.Zero ? TimeSpan.Zero : duration),
            };
            calendarEvent.RecurrenceRule = new RecurrencePattern(opportunity.RecurrenceRule);
            var from = now - TimeSpan.FromDays(1);
            var until = now + Horizon;
            var exceptions = opportunity.RecurrenceExceptions.ToHashSet();
            var found = new List<(DateTimeOffset Start, DateTimeOffset End)>();
            foreach (var occurrence in calendarEvent.GetOccurrences(new CalDateTime(from.UtcDateTime, "UTC")))
            {
                var start = new DateTimeOffset(occurrence.Period.StartTime.AsUtc, TimeSpan.Zero);
                if (start > until || found.Count >= MaxOccurrences) break;
                if (exceptions.Contains(JapanDate(start))) continue;
                found.Add((start, start + duration));
            }
            return found.Count > 0 ? found : single;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException or ArgumentOutOfRangeException)
        {
            // A rule the editor accepted but Ical.Net cannot expand: search still finds the first occurrence.
            return single;
        }
    }

    public static DateOnly JapanDate(DateTimeOffset time) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time, JapanTime.Zone).DateTime);
}
