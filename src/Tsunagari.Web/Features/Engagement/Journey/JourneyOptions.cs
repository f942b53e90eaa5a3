namespace Tsunagari.Features.Engagement.Journeys;

/// <summary>Settings of section "Tsunagari:Journey": the thresholds of the stages, configurable per deployment.</summary>
public sealed class JourneyOptions
{
    public const string Section = "Tsunagari:Journey";

    /// <summary>参加: at least this many activities…</summary>
    public int ParticipationAttendances { get; set; } = 3;

    /// <summary>…within this many months.</summary>
    public int ParticipationWindowMonths { get; set; } = 6;

    /// <summary>定着: active in at least this many calendar quarters (Japan time)…</summary>
    public int RootedActiveQuarters { get; set; } = 3;

    /// <summary>…of the last this many (the current quarter and the ones before it)…</summary>
    public int RootedQuarterWindow { get; set; } = 4;

    /// <summary>…and first active with the organization more than this many months ago.</summary>
    public int RootedMinimumTenureMonths { get; set; } = 12;

    /// <summary>People without activity for this many days are listed for a gentle re-invitation, at most once in this period.</summary>
    public int InactiveDays { get; set; } = 90;

    /// <summary>How often each node looks at the journey's outbox.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The time of day (Japan time) of the daily re-evaluation of 定着: at night, since at prefecture scale it reads every
    /// rooted journey. Not at start-up, so that restarting a node in the day does not load it.
    /// </summary>
    public TimeOnly DailyAt { get; set; } = new(3, 0);

    /// <summary>Outbox rows handled per round.</summary>
    public int BatchSize { get; set; } = 500;
}
