namespace Tsunagari.Features.ProBono;

/// <summary>
/// A local group's problem that a team of 3–5 professionals solves in about a month. The organization writes it,
/// a coordinator reviews it and puts it in a matching round.
/// </summary>
public sealed class Challenge
{
    public const int MaxTitleLength = 200;
    public const int MaxTextLength = 4000;
    public const int MaxNoteLength = 2000;
    public const int MaxRoles = 10;
    public const int MaxHoursPerWeek = 40;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid OrganizationId { get; private set; }
    public string Title { get; private set; } = "";
    public string Situation { get; private set; } = "";
    public string Problem { get; private set; } = "";
    public string Goal { get; private set; } = "";
    public DeliverableKind Deliverable { get; private set; }
    public List<ChallengeRole> Roles { get; private set; } = [];
    public int HoursPerWeek { get; private set; }
    public DateOnly StartsOn { get; private set; }
    public DateOnly EndsOn { get; private set; }
    public WorkMode Mode { get; private set; }
    public string? MunicipalityCode { get; private set; }

    /// <summary>Field of activity (NPO Act number), matched against professionals' preferred fields.</summary>
    public int? Field { get; private set; }

    public ChallengeStatus Status { get; private set; } = ChallengeStatus.Submitted;

    /// <summary>The coordinator's last note: changes asked for, or the reason for declining.</summary>
    public string ReviewNote { get; private set; } = "";

    public Guid? ReviewedBy { get; private set; }
    public DateTimeOffset? ReviewedAt { get; private set; }
    public Guid? RoundId { get; private set; }

    /// <summary>Team size bounds; taken from the round's defaults when it is added to one.</summary>
    public int MinSize { get; private set; } = 3;

    public int MaxSize { get; private set; } = 5;

    /// <summary>Why the last run left it without a team (a reason code of the solver) and the role concerned.</summary>
    public string? UnstaffedReason { get; private set; }

    public string? UnstaffedSkill { get; private set; }

    public Guid SubmittedBy { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    private Challenge() { }

    public Challenge(Guid organizationId, Guid submittedBy, ChallengeDetails details, DateTimeOffset now)
    {
        OrganizationId = organizationId;
        SubmittedBy = submittedBy;
        SubmittedAt = now;
        Apply(details, now);
    }

    /// <summary>The organization may edit while the coordinator has not accepted or declined it.</summary>
    public bool CanEdit => Status is ChallengeStatus.Submitted or ChallengeStatus.ChangesRequested or ChallengeStatus.Resubmitted;

    public void Edit(ChallengeDetails details, DateTimeOffset now)
    {
        if (!CanEdit) throw new InvalidOperationException("An accepted or declined challenge is not edited.");
        Apply(details, now);
        if (Status == ChallengeStatus.ChangesRequested) Status = ChallengeStatus.Resubmitted;
    }

    public bool CanReview => Status is ChallengeStatus.Submitted or ChallengeStatus.Resubmitted or ChallengeStatus.ChangesRequested;

    public void Accept(Guid coordinator, string note, DateTimeOffset now) => Review(ChallengeStatus.Accepted, coordinator, note, now);

    public void RequestChanges(Guid coordinator, string note, DateTimeOffset now) => Review(ChallengeStatus.ChangesRequested, coordinator, note, now);

    public void Decline(Guid coordinator, string reason, DateTimeOffset now) => Review(ChallengeStatus.Declined, coordinator, reason, now);

    public void AddToRound(Guid roundId, int minSize, int maxSize, DateTimeOffset now)
    {
        if (Status != ChallengeStatus.Accepted) throw new InvalidOperationException("Only accepted challenges go into a round.");
        RoundId = roundId;
        MinSize = minSize;
        MaxSize = maxSize;
        Status = ChallengeStatus.InRound;
        UpdatedAt = now;
    }

    /// <summary>The last run proposed a team (or the coordinator is assembling one).</summary>
    public void MarkProposed(DateTimeOffset now)
    {
        Status = ChallengeStatus.InRound;
        UnstaffedReason = null;
        UnstaffedSkill = null;
        UpdatedAt = now;
    }

    public void MarkUnstaffed(string reason, string? skill, DateTimeOffset now)
    {
        Status = ChallengeStatus.Unstaffed;
        UnstaffedReason = reason;
        UnstaffedSkill = skill;
        UpdatedAt = now;
    }

    public void MarkStaffed(DateTimeOffset now)
    {
        Status = ChallengeStatus.Staffed;
        UnstaffedReason = null;
        UnstaffedSkill = null;
        UpdatedAt = now;
    }

    private void Review(ChallengeStatus status, Guid coordinator, string note, DateTimeOffset now)
    {
        if (!CanReview) throw new InvalidOperationException("This challenge is not waiting for a review.");
        Status = status;
        ReviewNote = note;
        ReviewedBy = coordinator;
        ReviewedAt = now;
        UpdatedAt = now;
    }

    private void Apply(ChallengeDetails details, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        Title = details.Title.Trim();
        Situation = details.Situation.Trim();
        Problem = details.Problem.Trim();
        Goal = details.Goal.Trim();
        Deliverable = details.Deliverable;
        Roles = details.Roles.ToList();
        HoursPerWeek = details.HoursPerWeek;
        StartsOn = details.StartsOn;
        EndsOn = details.EndsOn;
        Mode = details.Mode;
        MunicipalityCode = string.IsNullOrWhiteSpace(details.MunicipalityCode) ? null : details.MunicipalityCode.Trim();
        Field = details.Field;
        UpdatedAt = now;
    }
}
