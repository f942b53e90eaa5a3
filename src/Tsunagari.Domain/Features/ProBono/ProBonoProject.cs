namespace Tsunagari.Features.ProBono;

/// <summary>
/// A staffed challenge at work: the team (the accepted members of its round) and the organization go through the phases
/// from orientation to review, keep a log of notes and decisions, hand the deliverable over and record the time given.
/// </summary>
public sealed class ProBonoProject
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid ChallengeId { get; private set; }
    public Guid OrganizationId { get; private set; }
    public Guid RoundId { get; private set; }
    public string Title { get; private set; } = "";
    public ProjectStatus Status { get; private set; } = ProjectStatus.Active;
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public List<ProjectPhase> Phases { get; private set; } = [];

    /// <summary>Three months after completion the organization is asked whether the deliverable is in use.</summary>
    public DateOnly? FollowUpDueOn { get; private set; }

    public DateTimeOffset? FollowUpSentAt { get; private set; }
    public DeliverableUse? FollowUpUse { get; private set; }
    public string FollowUpComment { get; private set; } = "";
    public DateTimeOffset? FollowUpAnsweredAt { get; private set; }

    public const int FollowUpMonths = 3;

    private ProBonoProject() { }

    /// <summary>
    /// The project of a challenge just staffed, its phases spread over the challenge's period (from today when that period
    /// has begun already, for as many days), and the usual hand-over checklist.
    /// </summary>
    public ProBonoProject(Challenge challenge, Guid roundId, DateOnly today, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        ChallengeId = challenge.Id;
        OrganizationId = challenge.OrganizationId;
        RoundId = roundId;
        Title = challenge.Title;
        CreatedAt = now;
        var days = Math.Max(challenge.EndsOn.DayNumber - challenge.StartsOn.DayNumber, ProjectPhase.Plan.Length);
        var start = challenge.StartsOn < today ? today : challenge.StartsOn;
        Phases = ProjectPhase.Plan.Select((step, i) => new ProjectPhase(step.Kind, start.AddDays(days * step.StartShare / 100),
            start.AddDays((days * ProjectPhase.EndShare(i) / 100) - (i == ProjectPhase.Plan.Length - 1 ? 0 : 1)))).ToList();
    }

    public bool IsActive => Status == ProjectStatus.Active;

    /// <summary>Done when the review, the last phase, is done; the follow-up is then due three months after that day.</summary>
    public void CompletePhase(ProjectPhaseKind kind, DateOnly today, DateTimeOffset now)
    {
        Phases.Single(p => p.Kind == kind).Complete(now);
        if (kind == ProjectPhaseKind.Review)
        {
            Status = ProjectStatus.Completed;
            CompletedAt = now;
            if (FollowUpSentAt is null) FollowUpDueOn = today.AddMonths(FollowUpMonths);
        }
    }

    public void FollowUpSent(DateTimeOffset now) => FollowUpSentAt = now;

    public void AnswerFollowUp(DeliverableUse use, string comment, DateTimeOffset now)
    {
        if (FollowUpSentAt is null) throw new InvalidOperationException("The follow-up has not been asked yet.");
        FollowUpUse = use;
        FollowUpComment = comment.Trim();
        FollowUpAnsweredAt = now;
    }

    public void ReopenPhase(ProjectPhaseKind kind)
    {
        Phases.Single(p => p.Kind == kind).Reopen();
        if (kind == ProjectPhaseKind.Review)
        {
            Status = ProjectStatus.Active;
            CompletedAt = null;
        }
    }
}

public enum ProjectStatus
{
    Active = 1,
    Completed = 2,
}
