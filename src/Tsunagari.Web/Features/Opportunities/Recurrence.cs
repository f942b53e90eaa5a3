using System.Globalization;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Evaluation;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;
using Tsunagari.Platform;
using Tsunagari.Resources;

namespace Tsunagari.Features.Opportunities;

/// <summary>RFC 5545 recurrence of opportunities, always evaluated in Asia/Tokyo (the zone people meet in).</summary>
public static class Recurrence
{
    public const string TimeZoneId = "Asia/Tokyo";

    /// <summary>RFC 5545 weekday codes in the order the form shows them (Monday first, as Japanese calendars often do).</summary>
    public static IReadOnlyList<string> WeekdayCodes { get; } = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

    /// <summary>The RFC 5545 code of a day of the week (BYDAY=MO …).</summary>
    public static string WeekdayCode(DayOfWeek day) => WeekdayCodes[((int)day + 6) % 7];

    private static readonly Dictionary<DayOfWeek, string> dayNames = new()
    {
        [DayOfWeek.Monday] = "月曜日",
        [DayOfWeek.Tuesday] = "火曜日",
        [DayOfWeek.Wednesday] = "水曜日",
        [DayOfWeek.Thursday] = "木曜日",
        [DayOfWeek.Friday] = "金曜日",
        [DayOfWeek.Saturday] = "土曜日",
        [DayOfWeek.Sunday] = "日曜日",
    };

    public static string DayName(string code) => dayNames[new WeekDay(code).DayOfWeek];

    /// <summary>Null when the text is a rule Ical.Net understands; it throws on unknown parts, which are the mistakes people make.</summary>
    public static RecurrencePattern? Parse(string? rule)
    {
        if (string.IsNullOrWhiteSpace(rule)) return null;
        var text = rule.Trim();
        if (text.StartsWith("RRULE:", StringComparison.OrdinalIgnoreCase)) text = text[6..];
        try
        {
            var pattern = new RecurrencePattern(text);
            return pattern.Interval < 1 ? null : pattern;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException or OverflowException)
        {
            return null;
        }
    }

    /// <summary>The rule without a "RRULE:" prefix, as stored.</summary>
    public static string Normalize(string rule) =>
        rule.Trim().StartsWith("RRULE:", StringComparison.OrdinalIgnoreCase) ? rule.Trim()[6..] : rule.Trim();

    public static CalDateTime Local(DateTimeOffset utc)
    {
        var local = TimeZoneInfo.ConvertTime(utc, JapanTime.Zone).DateTime;
        return new CalDateTime(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), TimeZoneId);
    }

    public static CalDateTime Utc(DateTimeOffset time) => new(time.UtcDateTime, CalDateTime.UtcTzId);

    /// <summary>The event as Ical.Net sees it (DTSTART/DTEND in Asia/Tokyo, RRULE, EXDATE at the start's time of day).</summary>
    public static CalendarEvent ToEvent(Opportunity opportunity)
    {
        ArgumentNullException.ThrowIfNull(opportunity);
        var start = Local(opportunity.StartsAt);
        var e = new CalendarEvent
        {
            Uid = $"{opportunity.Id}@tsunagari",
            DtStart = start,
            DtEnd = Local(opportunity.EndsAt),
        };
        if (Parse(opportunity.RecurrenceRule) is { } pattern)
        {
            e.RecurrenceRule = pattern;
            foreach (var date in opportunity.RecurrenceExceptions)
                e.ExceptionDates.Add(new CalDateTime(date, start.Time, TimeZoneId));
        }
        return e;
    }

    // Ical.Net takes about 20 µs an occurrence (OpportunityPageBenchmarks), and an opportunity's page and sign-up form
    // show the next twenty. The occurrences from the start of a Japan day are the same all that day, so they are kept
    // per opportunity and day, keyed by everything they depend on, and each request only drops those already begun.
    private static readonly MemoryCache upcoming = new(new MemoryCacheOptions { SizeLimit = 20_000 });

    /// <summary>The next <paramref name="count"/> occurrences that start from <paramref name="now"/> within a year.</summary>
    public static IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)> Upcoming(Opportunity opportunity, DateTimeOffset now, int count)
    {
        ArgumentNullException.ThrowIfNull(opportunity);
        if (opportunity.RecurrenceRule is null) return Occurrences(opportunity, now, now.AddYears(1), count);
        var local = TimeZoneInfo.ConvertTime(now, JapanTime.Zone);
        var today = new DateTimeOffset(local.Date, local.Offset);
        var key = (opportunity.Id, opportunity.RecurrenceRule, opportunity.StartsAt, opportunity.EndsAt, string.Join(',', opportunity.RecurrenceExceptions), today, count);
        if (!upcoming.TryGetValue(key, out IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)>? fromToday))
        {
            // Twice the count: room for the occurrences of today that will have begun by a later request.
            fromToday = Occurrences(opportunity, today, today.AddYears(1).AddDays(1), 2 * count);
            upcoming.Set(key, fromToday, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = TimeSpan.FromDays(1) });
        }
        var yearFromNow = now.AddYears(1);
        return [.. fromToday!.Where(o => o.Start >= now && o.Start < yearFromNow).Take(count)];
    }

    /// <summary>Occurrences that start in [from, to), in UTC; a rule that never matches yields nothing rather than looping.</summary>
    public static IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)> Occurrences(Opportunity opportunity, DateTimeOffset from, DateTimeOffset to, int max = 500)
    {
        ArgumentNullException.ThrowIfNull(opportunity);
        if (Parse(opportunity.RecurrenceRule) is null)
            return opportunity.StartsAt >= from && opportunity.StartsAt < to ? [(opportunity.StartsAt, opportunity.EndsAt)] : [];
        var duration = opportunity.EndsAt - opportunity.StartsAt;
        var result = new List<(DateTimeOffset, DateTimeOffset)>();
        try
        {
            var e = ToEvent(opportunity);
            var options = new EvaluationOptions { MaxUnmatchedIncrementsLimit = 5000 };
            foreach (var o in e.GetOccurrences(Local(from), options).TakeWhileBefore(Local(to)))
            {
                var start = new DateTimeOffset(DateTime.SpecifyKind(o.Period.StartTime.AsUtc, DateTimeKind.Utc));
                if (start < from) continue;
                result.Add((start, start + duration));
                if (result.Count >= max) break;
            }
        }
        catch (Exception e) when (e is EvaluationException or ArgumentException or InvalidOperationException)
        {
            // A rule that matches nothing within the limit has no occurrences to show.
        }
        return result;
    }

    /// <summary>The rule in words (毎週 月曜日・水曜日); rules the words do not cover are shown as they are.</summary>
    public static string Describe(string? rule, IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        if (Parse(rule) is not { } p) return l["1回のみ"];
        var simple = p.Count is null && p.Until is null && p.ByMonth.Count == 0 && p.ByMonthDay.Count == 0 && p.BySetPosition.Count == 0;
        var days = string.Join(l["・"], p.ByDay.OrderBy(d => ((int)d.DayOfWeek + 6) % 7).Select(d => l[dayNames[d.DayOfWeek]].Value));
        if (simple && p.Frequency == FrequencyType.Daily && p.ByDay.Count == 0)
            return p.Interval == 1 ? l["毎日"] : l["{0}日ごと", p.Interval];
        if (simple && p.Frequency == FrequencyType.Weekly && p.ByDay.All(d => d.Offset is null))
        {
            if (p.ByDay.Count == 0) return p.Interval == 1 ? l["毎週"] : l["{0}週ごと", p.Interval];
            return p.Interval == 1 ? l["毎週 {0}", days] : l["{0}週ごとの {1}", p.Interval, days];
        }
        if (simple && p.Frequency == FrequencyType.Monthly && p.Interval == 1 && p.ByDay.Count == 1 && p.ByDay[0].Offset is { } n)
            return l["毎月 {0}{1}", l[Nth(n)].Value, days];
        return l["繰り返し（{0}）", p.ToString() ?? ""];
    }

    /// <summary>第1…第4 or 最終 (the last), the week of the month of a monthly rule.</summary>
    public static string Nth(int week) => week switch
    {
        1 => "第1",
        2 => "第2",
        3 => "第3",
        4 => "第4",
        -1 => "最終",
        _ => week.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Builds the rule the form's simple choices describe.</summary>
    public static string? Build(string? repeat, IEnumerable<string> weekdays, int? week, string? weekday, string? custom) => repeat switch
    {
        "weekly" => "FREQ=WEEKLY;BYDAY=" + string.Join(',', WeekdayCodes.Where(c => weekdays.Contains(c, StringComparer.Ordinal))),
        "monthly" => string.Create(CultureInfo.InvariantCulture, $"FREQ=MONTHLY;BYDAY={week}{weekday}"),
        "custom" => custom,
        _ => null,
    };
}
