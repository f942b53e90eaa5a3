namespace Tsunagari.Features.Collaboration;

/// <summary>
/// One side's evaluation of a pilot: the same questions for both sides (<see cref="Questions"/>), rated 1–5, about the
/// other side and about the process, so the answers can be shown side by side.
/// </summary>
public sealed class PilotEvaluation
{
    public const int MaxCommentLength = 2000;

    /// <summary>The questions, in order (Japanese; the UI translates them). The first three are about the other side.</summary>
    public static readonly IReadOnlyList<string> Questions =
    [
        "相手は目的と目標を共有していた",
        "相手は協定で決めた役割を果たした",
        "相手は必要な情報を適時に共有した",
        "協働の進め方は対等で、意見が反映された",
        "一方だけでは得られない成果があった",
    ];

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid PilotId { get; private set; }
    public AgreementParty Side { get; private set; }

    /// <summary>1–5 for each question, in order.</summary>
    public List<int> Ratings { get; private set; } = [];

    public string Comment { get; private set; } = "";

    /// <summary>Null once the account is deleted.</summary>
    public Guid? AccountId { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    private PilotEvaluation() { }

    public PilotEvaluation(Guid pilotId, AgreementParty side)
    {
        PilotId = pilotId;
        Side = side;
    }

    public void Answer(IReadOnlyList<int> ratings, string comment, Guid by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        if (ratings.Count != Questions.Count || ratings.Any(r => r is < 1 or > 5))
            throw new ArgumentException("Every question is rated 1 to 5.", nameof(ratings));
        Ratings = ratings.ToList();
        Comment = comment.ReplaceLineEndings("\n").Trim();
        AccountId = by;
        UpdatedAt = now;
    }
}
