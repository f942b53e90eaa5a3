namespace Tsunagari.Features.Collaboration;

/// <summary>
/// A report on a pilot: progress, the mid-term reflection (中間ふりかえり) or the final report, which states the
/// results against the proposal's goals.
/// </summary>
public sealed class PilotReport
{
    public const int MaxTextLength = 4000;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid PilotId { get; private set; }
    public PilotReportKind Kind { get; private set; }
    public string Text { get; private set; } = "";

    /// <summary>The final report's results measured against the goals; empty for the other kinds.</summary>
    public string ResultsAgainstGoals { get; private set; } = "";

    public AgreementParty Side { get; private set; }

    /// <summary>Null once the author's account is deleted.</summary>
    public Guid? AuthorId { get; private set; }

    public DateTimeOffset SubmittedAt { get; private set; }

    private PilotReport() { }

    public PilotReport(Guid pilotId, PilotReportKind kind, string text, string resultsAgainstGoals, AgreementParty side, Guid authorId, DateTimeOffset now)
    {
        var results = (resultsAgainstGoals ?? "").ReplaceLineEndings("\n").Trim();
        if (kind == PilotReportKind.Final && results.Length == 0)
            throw new ArgumentException("A final report states the results against the goals.", nameof(resultsAgainstGoals));
        PilotId = pilotId;
        Kind = kind;
        Text = text.ReplaceLineEndings("\n").Trim();
        ResultsAgainstGoals = kind == PilotReportKind.Final ? results : "";
        Side = side;
        AuthorId = authorId;
        SubmittedAt = now;
    }
}

public enum PilotReportKind
{
    Progress = 1,
    MidTermReflection = 2,
    Final = 3,
}
