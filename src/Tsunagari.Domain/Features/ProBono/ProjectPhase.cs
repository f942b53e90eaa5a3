namespace Tsunagari.Features.ProBono;

/// <summary>The steps of a one-month pro bono project, in order (as in Probono Challenge MATSUDO).</summary>
public enum ProjectPhaseKind
{
    /// <summary>オリエンテーション</summary>
    Orientation = 1,

    /// <summary>キックオフ・ヒアリング</summary>
    Kickoff = 2,

    /// <summary>中間提案</summary>
    InterimProposal = 3,

    /// <summary>制作</summary>
    Production = 4,

    /// <summary>成果物納品</summary>
    FinalDelivery = 5,

    /// <summary>ふりかえり</summary>
    Review = 6,
}

/// <summary>One phase of a project: its dates (the last is the milestone) and when the team marked it done.</summary>
public sealed class ProjectPhase
{
    /// <summary>Where each phase starts, in percent of the project's days; each ends the day before the next starts.</summary>
    internal static readonly (ProjectPhaseKind Kind, int StartShare)[] Plan =
    [
        (ProjectPhaseKind.Orientation, 0),
        (ProjectPhaseKind.Kickoff, 5),
        (ProjectPhaseKind.InterimProposal, 20),
        (ProjectPhaseKind.Production, 45),
        (ProjectPhaseKind.FinalDelivery, 85),
        (ProjectPhaseKind.Review, 95),
    ];

    internal static int EndShare(int index) => index + 1 < Plan.Length ? Plan[index + 1].StartShare : 100;

    public ProjectPhaseKind Kind { get; private set; }
    public DateOnly StartsOn { get; private set; }
    public DateOnly DueOn { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }

    private ProjectPhase() { }

    internal ProjectPhase(ProjectPhaseKind kind, DateOnly startsOn, DateOnly dueOn)
    {
        Kind = kind;
        StartsOn = startsOn;
        DueOn = dueOn < startsOn ? startsOn : dueOn;
    }

    public bool Done => CompletedAt is not null;

    public void Reschedule(DateOnly startsOn, DateOnly dueOn)
    {
        if (dueOn < startsOn) throw new ArgumentException("A phase ends on or after its start.", nameof(dueOn));
        StartsOn = startsOn;
        DueOn = dueOn;
    }

    internal void Complete(DateTimeOffset now) => CompletedAt ??= now;

    internal void Reopen() => CompletedAt = null;
}
