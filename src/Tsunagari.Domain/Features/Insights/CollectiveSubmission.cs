namespace Tsunagari.Features.Insights;

/// <summary>
/// A partner's value of a shared indicator for a period: one per partner, indicator and period. Until the period closes
/// (<see cref="CollectivePeriod.ClosesOn"/>) the partner may correct it: the row is edited in place, keeping when it was
/// first submitted, the last change and how many corrections there were. After that it is final.
/// </summary>
public sealed class CollectiveSubmission
{
    public const int MaxNoteLength = 1000;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid InitiativeId { get; private set; }
    public Guid OrganizationId { get; private set; }
    public Guid IndicatorId { get; private set; }
    public DateOnly PeriodStart { get; private set; }
    public decimal Value { get; private set; }
    public string Note { get; private set; } = "";
    public Guid SubmittedBy { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }
    public Guid UpdatedBy { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public int Corrections { get; private set; }

    private CollectiveSubmission() { }

    public CollectiveSubmission(Guid initiativeId, Guid organizationId, Guid indicatorId, DateOnly periodStart, decimal value, string note, Guid by, DateTimeOffset now)
    {
        InitiativeId = initiativeId;
        OrganizationId = organizationId;
        IndicatorId = indicatorId;
        PeriodStart = periodStart;
        Value = value;
        Note = note;
        SubmittedBy = UpdatedBy = by;
        SubmittedAt = UpdatedAt = now;
    }

    /// <summary>Replaces the value; a no-op when nothing changed, so saving the form twice does not count a correction.</summary>
    public void Correct(decimal value, string note, Guid by, DateTimeOffset now)
    {
        if (value == Value && note == Note) return;
        Value = value;
        Note = note;
        UpdatedBy = by;
        UpdatedAt = now;
        Corrections++;
    }
}

/// <summary>That a partner was reminded to submit a period's values: one per partner and period, so never twice.</summary>
public sealed class CollectiveReminder
{
    public Guid InitiativeId { get; private set; }
    public Guid OrganizationId { get; private set; }
    public DateOnly PeriodStart { get; private set; }
    public DateTimeOffset SentAt { get; private set; }

    private CollectiveReminder() { }

    public CollectiveReminder(Guid initiativeId, Guid organizationId, DateOnly periodStart, DateTimeOffset now)
    {
        InitiativeId = initiativeId;
        OrganizationId = organizationId;
        PeriodStart = periodStart;
        SentAt = now;
    }
}

/// <summary>A mutually reinforcing activity: what one partner does, and which shared indicators it serves.</summary>
public sealed class CollectiveActivity
{
    public const int MaxTitleLength = 200;
    public const int MaxDescriptionLength = 2000;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid InitiativeId { get; private set; }
    public Guid OrganizationId { get; private set; }
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public List<Guid> IndicatorIds { get; private set; } = [];
    public CollectiveActivityStatus Status { get; set; } = CollectiveActivityStatus.Ongoing;
    public DateTimeOffset CreatedAt { get; private set; }

    private CollectiveActivity() { }

    public CollectiveActivity(Guid initiativeId, Guid organizationId, string title, string description, IEnumerable<Guid> indicatorIds, CollectiveActivityStatus status, DateTimeOffset now)
    {
        InitiativeId = initiativeId;
        OrganizationId = organizationId;
        Title = title;
        Description = description;
        IndicatorIds.AddRange(indicatorIds.Distinct());
        Status = status;
        CreatedAt = now;
    }
}

public enum CollectiveActivityStatus
{
    Planned = 1,
    Ongoing = 2,
    Done = 3,
}

/// <summary>An entry of the communication log: a meeting, newsletter or call, who took part and when the next one is.</summary>
public sealed class CollectiveLogEntry
{
    public const int MaxSummaryLength = 2000;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid InitiativeId { get; private set; }
    public DateOnly Date { get; private set; }
    public CommunicationKind Kind { get; private set; }
    public string Summary { get; private set; } = "";

    /// <summary>The partner organizations that took part.</summary>
    public List<Guid> OrganizationIds { get; private set; } = [];

    public DateOnly? NextDate { get; private set; }
    public Guid RecordedBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    private CollectiveLogEntry() { }

    public CollectiveLogEntry(Guid initiativeId, DateOnly date, CommunicationKind kind, string summary, IEnumerable<Guid> organizationIds, DateOnly? nextDate, Guid recordedBy, DateTimeOffset now)
    {
        InitiativeId = initiativeId;
        Date = date;
        Kind = kind;
        Summary = summary;
        OrganizationIds.AddRange(organizationIds.Distinct());
        NextDate = nextDate;
        RecordedBy = recordedBy;
        RecordedAt = now;
    }
}

public enum CommunicationKind
{
    Meeting = 1,
    Newsletter = 2,
    Call = 3,
    Workshop = 4,
    Other = 5,
}
