namespace Tsunagari.Features.Collaboration;

/// <summary>
/// A place for dialogue (場づくり): a meeting or forum between residents, organizations and government. It is an
/// opportunity underneath, so registration, the waitlist, accessibility information and attendance are the
/// opportunity's; the meeting adds its theme, agenda, minutes and follow-up actions.
/// </summary>
public sealed class DialogueMeeting
{
    public const int MaxTextLength = 8000;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid OpportunityId { get; private set; }
    public DialogueTheme Theme { get; private set; }

    /// <summary>The initiative the meeting serves, if any.</summary>
    public Guid? InitiativeId { get; private set; }

    public string Agenda { get; private set; } = "";
    public string Minutes { get; private set; } = "";
    public DateTimeOffset? MinutesRecordedAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    private DialogueMeeting() { }

    public DialogueMeeting(Guid opportunityId, DialogueTheme theme, string agenda, Guid? initiativeId, DateTimeOffset now)
    {
        OpportunityId = opportunityId;
        CreatedAt = now;
        Plan(theme, agenda, initiativeId, now);
    }

    public void Plan(DialogueTheme theme, string agenda, Guid? initiativeId, DateTimeOffset now)
    {
        if (!Enum.IsDefined(theme)) throw new ArgumentOutOfRangeException(nameof(theme), theme, "Unknown theme.");
        Theme = theme;
        Agenda = agenda.ReplaceLineEndings("\n").Trim();
        InitiativeId = initiativeId;
        UpdatedAt = now;
    }

    public void RecordMinutes(string minutes, DateTimeOffset now)
    {
        Minutes = minutes.ReplaceLineEndings("\n").Trim();
        MinutesRecordedAt = Minutes.Length == 0 ? null : now;
        UpdatedAt = now;
    }
}

/// <summary>The seed's themes for places for dialogue.</summary>
public enum DialogueTheme
{
    /// <summary>地域について学ぶ</summary>
    LearningAboutTheRegion = 1,

    /// <summary>他地域の取組を共有する</summary>
    SharingOtherRegions = 2,

    /// <summary>主体間の相互理解</summary>
    MutualUnderstanding = 3,
}
