namespace Tsunagari.Features.Collaboration;

/// <summary>
/// One reviewer's review of one proposal: first the declaration of conflicts of interest, then (only without one) a
/// score for each criterion of the call's rubric and a comment.
/// </summary>
public sealed class ProposalReview
{
    public const int MaxCommentLength = 2000;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid ProposalId { get; private set; }
    public Guid ReviewerId { get; private set; }

    /// <summary>Whether the reviewer declared a conflict of interest (they then do not score).</summary>
    public bool Conflicted { get; private set; }

    public string ConflictNote { get; private set; } = "";

    /// <summary>The scores in the rubric's order; empty until scored.</summary>
    public List<int> Scores { get; private set; } = [];

    public string Comment { get; private set; } = "";
    public DateTimeOffset DeclaredAt { get; private set; }
    public DateTimeOffset? ScoredAt { get; private set; }

    private ProposalReview() { }

    /// <summary>The review starts with the declaration.</summary>
    public ProposalReview(Guid proposalId, Guid reviewerId, bool conflicted, string conflictNote, DateTimeOffset now)
    {
        ProposalId = proposalId;
        ReviewerId = reviewerId;
        Conflicted = conflicted;
        ConflictNote = conflictNote.Trim();
        DeclaredAt = now;
    }

    public bool IsScored => ScoredAt is not null;

    public int Total => Scores.Sum();

    public void Score(IReadOnlyList<RubricCriterion> rubric, IReadOnlyList<int> scores, string comment, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        ArgumentNullException.ThrowIfNull(scores);
        if (Conflicted) throw new InvalidOperationException("A reviewer with a conflict of interest does not score.");
        if (scores.Count != rubric.Count || scores.Where((s, i) => s < 0 || s > rubric[i].MaxScore).Any())
            throw new ArgumentException("Each criterion is scored from 0 to its maximum.", nameof(scores));
        Scores = scores.ToList();
        Comment = comment.ReplaceLineEndings("\n").Trim();
        ScoredAt = now;
    }
}
