namespace Tsunagari.Features.ImpactEvaluation;

/// <summary>
/// The evaluation frozen at a phase (事前・中間・事後評価): every indicator's baseline, target and actual, and the SROI
/// figures, as they stood. Stored as JSON so that later changes to the model, its indicators or the platform's records
/// never alter what was reported. One per phase.
/// </summary>
public sealed class EvaluationSnapshot
{
    public const int MaxNoteLength = 2000;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid LogicModelId { get; private set; }
    public EvaluationPhase Phase { get; private set; }
    public string Note { get; private set; } = "";

    /// <summary>The frozen figures (a serialized snapshot document of the web layer).</summary>
    public string Content { get; private set; } = "";

    public Guid? FrozenBy { get; private set; }
    public DateTimeOffset FrozenAt { get; private set; }

    private EvaluationSnapshot() { }

    public EvaluationSnapshot(Guid logicModelId, EvaluationPhase phase, string note, string content, Guid frozenBy, DateTimeOffset now)
    {
        LogicModelId = logicModelId;
        Phase = phase;
        Note = note;
        Content = content;
        FrozenBy = frozenBy;
        FrozenAt = now;
    }
}

public enum EvaluationPhase
{
    Pre = 1,
    Mid = 2,
    Post = 3,
}
