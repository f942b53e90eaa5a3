namespace Tsunagari.Features.Engagement;

/// <summary>
/// A person's journey with one organization: the stage reached, and the activity it was judged from. Recomputed from
/// the records whenever a <see cref="JourneyChange"/> names the pair, so recomputing twice changes nothing.
/// </summary>
public sealed class Journey
{
    public Guid AccountId { get; private set; }
    public Guid OrganizationId { get; private set; }
    public JourneyStage Stage { get; set; }
    public DateTimeOffset StageSince { get; set; }
    public DateTimeOffset FirstActivityAt { get; set; }
    public DateTimeOffset LastActivityAt { get; set; }

    /// <summary>Attended sign-ups plus approved hours reports.</summary>
    public int Activities { get; set; }

    public decimal Hours { get; set; }

    /// <summary>Municipality of most of the person's activity with the organization, for regional summaries.</summary>
    public string MunicipalityCode { get; set; } = "";

    /// <summary>When the organization last sent a re-invitation, so that a person is not invited again and again.</summary>
    public DateTimeOffset? ReinvitedAt { get; set; }

    private Journey() { }

    public Journey(Guid accountId, Guid organizationId)
    {
        AccountId = accountId;
        OrganizationId = organizationId;
    }
}

/// <summary>A stage a person reached with an organization, when, and why; the history is never rewritten.</summary>
public sealed class StageTransition
{
    public const int MaxDetailLength = 200;

    public long Id { get; private set; }
    public Guid AccountId { get; private set; }
    public Guid OrganizationId { get; private set; }
    public JourneyStage? From { get; private set; }
    public JourneyStage To { get; private set; }
    public DateTimeOffset At { get; private set; }
    public StageCause Cause { get; private set; }

    /// <summary>What the cause was measured as, e.g. "3 attendances in 6 months".</summary>
    public string Detail { get; private set; } = "";

    private StageTransition() { }

    public StageTransition(Guid accountId, Guid organizationId, JourneyStage? from, JourneyStage to, DateTimeOffset at, StageCause cause, string detail)
    {
        AccountId = accountId;
        OrganizationId = organizationId;
        From = from;
        To = to;
        At = at;
        Cause = cause;
        Detail = detail;
    }
}

/// <summary>
/// The journey's outbox: a pair whose records changed (a check-in, hours, a membership), written in the same transaction
/// as the change and processed by the journey's background service.
/// </summary>
public sealed class JourneyChange
{
    public long Id { get; private set; }
    public Guid AccountId { get; private set; }
    public Guid OrganizationId { get; private set; }
    public DateTimeOffset ChangedAt { get; private set; }

    private JourneyChange() { }

    public JourneyChange(Guid accountId, Guid organizationId, DateTimeOffset changedAt)
    {
        AccountId = accountId;
        OrganizationId = organizationId;
        ChangedAt = changedAt;
    }
}
