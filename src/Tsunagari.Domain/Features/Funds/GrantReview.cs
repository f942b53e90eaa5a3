namespace Tsunagari.Features.Funds;

/// <summary>A person the fund holder's admins asked to review a programme's applications.</summary>
public sealed class GrantReviewer
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid ProgrammeId { get; private set; }
    public Guid AccountId { get; private set; }
    public DateTimeOffset AddedAt { get; private set; }

    private GrantReviewer() { }

    public GrantReviewer(Guid programmeId, Guid accountId, DateTimeOffset now)
    {
        ProgrammeId = programmeId;
        AccountId = accountId;
        AddedAt = now;
    }
}

/// <summary>
/// One reviewer's review of one application: either a declared conflict of interest (then no scores: the reviewer
/// steps aside) or a score per rubric criterion and a comment. A reviewer may revise it until the application is decided.
/// </summary>
public sealed class GrantReview
{
    public const int MaxCommentLength = 2000;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid ApplicationId { get; private set; }
    public Guid ReviewerId { get; private set; }
    public bool ConflictDeclared { get; private set; }
    public string ConflictNote { get; private set; } = "";
    public List<int> Scores { get; private set; } = [];
    public string Comment { get; private set; } = "";
    public DateTimeOffset UpdatedAt { get; private set; }

    private GrantReview() { }

    public GrantReview(Guid applicationId, Guid reviewerId)
    {
        ApplicationId = applicationId;
        ReviewerId = reviewerId;
    }

    public void DeclareConflict(string note, DateTimeOffset now)
    {
        ConflictDeclared = true;
        ConflictNote = note.Trim();
        Scores = [];
        Comment = "";
        UpdatedAt = now;
    }

    public void Score(IReadOnlyList<int> scores, string comment, DateTimeOffset now)
    {
        if (scores.Any(s => s is < 1 or > GrantProgramme.MaxScore)) throw new ArgumentOutOfRangeException(nameof(scores));
        ConflictDeclared = false;
        ConflictNote = "";
        Scores = [.. scores];
        Comment = comment.Trim();
        UpdatedAt = now;
    }

    public int Total => Scores.Sum();
}
