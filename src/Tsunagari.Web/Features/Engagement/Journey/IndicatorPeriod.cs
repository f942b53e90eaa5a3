using System.Globalization;
using Tsunagari.Platform;

namespace Tsunagari.Features.Engagement.Journeys;

/// <summary>The period indicators are computed for: Japan dates, both included. The last 12 months unless chosen.</summary>
public sealed record IndicatorPeriod(DateOnly From, DateOnly To)
{
    /// <summary>Longer periods are refused: quarters are listed one by one, and the page must stay fast.</summary>
    public const int MaxYears = 5;

    public DateTimeOffset Start => JourneyRules.StartOfDay(From);

    public DateTimeOffset End => JourneyRules.StartOfDay(To.AddDays(1));

    public static IndicatorPeriod LastTwelveMonths(DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, JapanTime.Zone).DateTime);
        return new(today.AddMonths(-12).AddDays(1), today);
    }

    /// <summary>Parses yyyy-MM-dd dates; null when they are not dates, reversed or too far apart.</summary>
    public static IndicatorPeriod? TryParse(string? from, string? to, DateTimeOffset now)
    {
        var fallback = LastTwelveMonths(now);
        if (string.IsNullOrWhiteSpace(from) && string.IsNullOrWhiteSpace(to)) return fallback;
        var start = fallback.From;
        var end = fallback.To;
        if (!string.IsNullOrWhiteSpace(from) && !DateOnly.TryParseExact(from.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out start)) return null;
        if (!string.IsNullOrWhiteSpace(to) && !DateOnly.TryParseExact(to.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out end)) return null;
        if (start.Year < 1900 || end.Year > 9000 || end < start || start.AddYears(MaxYears) < end) return null;
        return new(start, end);
    }
}
