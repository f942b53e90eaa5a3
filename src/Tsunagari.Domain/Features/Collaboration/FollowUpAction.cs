namespace Tsunagari.Features.Collaboration;

/// <summary>Something a dialogue meeting agreed to do: who (a person or organization, by name) does it by when, until done.</summary>
public sealed class FollowUpAction
{
    public const int MaxTextLength = 500;
    public const int MaxOwnerLength = 200;
    public const int MaxPerMeeting = 50;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid MeetingId { get; private set; }
    public string Text { get; private set; } = "";
    public string Owner { get; private set; } = "";
    public DateOnly DueOn { get; private set; }
    public DateOnly? DoneOn { get; private set; }
    public string DoneNote { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    private FollowUpAction() { }

    public FollowUpAction(Guid meetingId, string text, string owner, DateOnly dueOn, DateTimeOffset now)
    {
        MeetingId = meetingId;
        Text = text.Trim();
        Owner = owner.Trim();
        DueOn = dueOn;
        CreatedAt = now;
    }

    public bool IsDone => DoneOn is not null;

    public bool IsOverdue(DateOnly today) => !IsDone && DueOn < today;

    public void Complete(DateOnly on, string note)
    {
        DoneOn = on;
        DoneNote = note.Trim();
    }

    public void Reopen()
    {
        DoneOn = null;
        DoneNote = "";
    }
}
