namespace Tsunagari.Features.ProBono;

/// <summary>
/// How one side saw a completed project. The organization (one evaluation, kept by any of its admins) rates how useful
/// the deliverable is and whether it is used; each professional rates the experience and whether they would join again.
/// </summary>
public sealed class ProjectEvaluation
{
    public const int MaxCommentLength = 2000;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid ProjectId { get; private set; }
    public EvaluationSide Side { get; private set; }

    /// <summary>Who wrote it; null once their account is deleted (the evaluation stays, unsigned).</summary>
    public Guid? AccountId { get; private set; }

    /// <summary>1–5: the deliverable's usefulness (organization) or the experience (professional).</summary>
    public int Rating { get; private set; }

    /// <summary>The organization's: whether the deliverable is in use.</summary>
    public DeliverableUse? Use { get; private set; }

    /// <summary>The professional's: whether they would take part again.</summary>
    public bool? WouldJoinAgain { get; private set; }

    public string Comment { get; private set; } = "";
    public DateTimeOffset UpdatedAt { get; private set; }

    private ProjectEvaluation() { }

    public static ProjectEvaluation ByOrganization(Guid projectId, Guid accountId) => new() { ProjectId = projectId, Side = EvaluationSide.Organization, AccountId = accountId };

    public static ProjectEvaluation ByProfessional(Guid projectId, Guid accountId) => new() { ProjectId = projectId, Side = EvaluationSide.Professional, AccountId = accountId };

    public void Answer(Guid accountId, int rating, DeliverableUse? use, bool? wouldJoinAgain, string comment, DateTimeOffset now)
    {
        if (rating is < 1 or > 5) throw new ArgumentOutOfRangeException(nameof(rating), rating, "A rating is 1 to 5.");
        AccountId = accountId;
        Rating = rating;
        Use = Side == EvaluationSide.Organization ? use : null;
        WouldJoinAgain = Side == EvaluationSide.Professional ? wouldJoinAgain : null;
        Comment = comment.Trim();
        UpdatedAt = now;
    }
}

public enum EvaluationSide
{
    Organization = 1,
    Professional = 2,
}

/// <summary>Whether the organization uses the deliverable (asked at the end and again three months later).</summary>
public enum DeliverableUse
{
    InUse = 1,
    WillUse = 2,
    NotUsed = 3,
}
