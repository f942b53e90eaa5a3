using Tsunagari.Features.Opportunities;
using Tsunagari.Platform;

namespace Tsunagari.Features.Engagement.Attendance;

/// <summary>
/// The times of one occurrence, as sign-ups name them: a Japan date for a recurring opportunity,
/// <see cref="SignUp.WholeOpportunity"/> (or the start's date) for a one-off.
/// </summary>
public static class OccurrenceTimes
{
    public sealed record Occurrence(DateOnly Date, DateTimeOffset Start, DateTimeOffset End);

    public static bool IsRecurring(Opportunity opportunity)
    {
        ArgumentNullException.ThrowIfNull(opportunity);
        return Recurrence.Parse(opportunity.RecurrenceRule) is not null;
    }

    public static DateOnly JapanDate(DateTimeOffset time) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time, JapanTime.Zone).DateTime);

    /// <summary>The occurrence on that date, or null when the opportunity does not take place then.</summary>
    public static Occurrence? Of(Opportunity opportunity, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(opportunity);
        if (!IsRecurring(opportunity))
            return date == SignUp.WholeOpportunity || date == JapanDate(opportunity.StartsAt)
                ? new Occurrence(SignUp.WholeOpportunity, opportunity.StartsAt, opportunity.EndsAt)
                : null;
        if (date == SignUp.WholeOpportunity) return null;
        var dayStart = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(9));
        var found = Recurrence.Occurrences(opportunity, dayStart, dayStart.AddDays(1), 1);
        return found.Count == 0 ? null : new Occurrence(date, found[0].Start, found[0].End);
    }

    /// <summary>Occurrences to choose from on a roster: up to eight before now and eight after.</summary>
    public static IReadOnlyList<Occurrence> Around(Opportunity opportunity, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(opportunity);
        if (!IsRecurring(opportunity)) return [new Occurrence(SignUp.WholeOpportunity, opportunity.StartsAt, opportunity.EndsAt)];
        var all = Recurrence.Occurrences(opportunity, now.AddDays(-180), now.AddDays(180));
        var past = all.Where(o => o.Start < now).TakeLast(8);
        var coming = all.Where(o => o.Start >= now).Take(8);
        return [.. past.Concat(coming).Select(o => new Occurrence(JapanDate(o.Start), o.Start, o.End))];
    }

    /// <summary>The occurrence closest to now (the one people are at, or about to be at).</summary>
    public static Occurrence? Nearest(IReadOnlyList<Occurrence> occurrences, DateTimeOffset now) =>
        occurrences.Count == 0 ? null
        : occurrences.MinBy(o => now >= o.Start && now <= o.End ? TimeSpan.Zero : (o.Start - now).Duration() < (o.End - now).Duration() ? (o.Start - now).Duration() : (o.End - now).Duration());
}
