using System.Globalization;
using Tsunagari.Platform;

namespace Tsunagari.Features.Engagement.Journeys;

/// <summary>
/// The stage rules as a pure function of a person's records with one organization, so that the same records always give
/// the same stage and the same dates (each stage is dated by the record that met its rule, never by "now").
/// </summary>
public static class JourneyRules
{
    /// <summary>An attended sign-up (at check-in) or an approved hours report (at its date, midnight Japan time).</summary>
    public sealed record Activity(DateTimeOffset At, decimal Hours, string MunicipalityCode);

    /// <summary>An organising role: a membership or co-organising an opportunity.</summary>
    public sealed record Role(DateTimeOffset Since, StageCause Cause, string Detail);

    public sealed record Reached(JourneyStage Stage, DateTimeOffset At, StageCause Cause, string Detail);

    public sealed record Outcome(
        JourneyStage Stage, DateTimeOffset StageSince, DateTimeOffset FirstActivityAt, DateTimeOffset LastActivityAt,
        int Activities, decimal Hours, string MunicipalityCode, IReadOnlyList<Reached> Reached);

    /// <summary>
    /// The stage now and every stage ever reached. 体験, 参加 and 参画 once reached stay reached (参画 while the role lasts);
    /// 定着 is the current stage only while its rule holds now, though the date it was first reached stays in the history.
    /// Null when the person has neither activity nor role with the organization.
    /// </summary>
    public static Outcome? Evaluate(IEnumerable<Activity> records, IEnumerable<Role> roles, string fallbackMunicipality, JourneyOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(options);
        var activities = records.OrderBy(a => a.At).ToList();
        var roleList = roles.OrderBy(r => r.Since).ToList();
        if (activities.Count == 0 && roleList.Count == 0) return null;

        var reached = new List<Reached>();
        if (activities.Count > 0)
            reached.Add(new(JourneyStage.Experience, activities[0].At, StageCause.FirstAttendance, "first activity"));

        var n = Math.Max(1, options.ParticipationAttendances);
        for (var i = n - 1; i < activities.Count; i++)
        {
            if (activities[i].At > activities[i - n + 1].At.AddMonths(options.ParticipationWindowMonths)) continue;
            reached.Add(new(JourneyStage.Participation, activities[i].At, StageCause.RepeatAttendance,
                string.Create(CultureInfo.InvariantCulture, $"{n} activities within {options.ParticipationWindowMonths} months")));
            break;
        }

        if (roleList.Count > 0)
            reached.Add(new(JourneyStage.CoPlanning, roleList[0].Since, roleList[0].Cause, roleList[0].Detail));

        var rootedNow = false;
        if (activities.Count > 0)
        {
            var tenureFrom = activities[0].At.AddMonths(options.RootedMinimumTenureMonths);
            // The rule can only start to hold at an activity (a new active quarter) or when the tenure is completed.
            var candidates = activities.Select(a => a.At).Append(tenureFrom).Where(t => t <= now).Order();
            foreach (var t in candidates)
            {
                if (!IsRooted(activities, tenureFrom, t, options)) continue;
                reached.Add(new(JourneyStage.Rooted, t, StageCause.ActiveQuarters,
                    string.Create(CultureInfo.InvariantCulture, $"active in {options.RootedActiveQuarters} of {options.RootedQuarterWindow} quarters, over {options.RootedMinimumTenureMonths} months")));
                break;
            }
            rootedNow = IsRooted(activities, tenureFrom, now, options);
        }

        var current = reached.Where(r => r.Stage != JourneyStage.Rooted || rootedNow).MaxBy(r => r.Stage)!;
        var first = activities.Count > 0 ? activities[0].At : roleList[0].Since;
        var last = activities.Count > 0 ? activities[^1].At : roleList[0].Since;
        var municipality = activities.Where(a => a.MunicipalityCode.Length > 0)
            .GroupBy(a => a.MunicipalityCode, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key).FirstOrDefault() ?? fallbackMunicipality;
        return new Outcome(current.Stage, current.At, first, last, activities.Count, activities.Sum(a => a.Hours), municipality,
            [.. reached.OrderBy(r => r.Stage)]);
    }

    /// <summary>Calendar quarter (Japan time) as a running number.</summary>
    public static int Quarter(DateTimeOffset at)
    {
        var japan = TimeZoneInfo.ConvertTime(at, JapanTime.Zone);
        return (japan.Year * 4) + ((japan.Month - 1) / 3);
    }

    /// <summary>The first instant of a running quarter number, in Japan time.</summary>
    public static DateTimeOffset QuarterStart(int quarter)
    {
        var local = new DateTime(quarter / 4, ((quarter % 4) * 3) + 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, JapanTime.Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>Midnight Japan time of a Japan date, in UTC.</summary>
    public static DateTimeOffset StartOfDay(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, JapanTime.Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static bool IsRooted(List<Activity> activities, DateTimeOffset tenureFrom, DateTimeOffset at, JourneyOptions options)
    {
        if (at < tenureFrom) return false;
        var current = Quarter(at);
        var active = activities.Where(a => a.At <= at).Select(a => Quarter(a.At))
            .Where(q => q > current - options.RootedQuarterWindow && q <= current).Distinct().Count();
        return active >= options.RootedActiveQuarters;
    }
}
