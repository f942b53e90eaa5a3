namespace Tsunagari.Features.ProBono;

/// <summary>One run of team formation over a set of accepted challenges and all active professionals.</summary>
public sealed class MatchingRound
{
    public const int MaxNameLength = 200;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public string Name { get; private set; } = "";
    public RoundStatus Status { get; set; } = RoundStatus.Open;
    public int DefaultMinSize { get; private set; } = 3;
    public int DefaultMaxSize { get; private set; } = 5;
    public Guid CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The last solver run: which solver, whether proven optimal, when.</summary>
    public string? LastSolver { get; set; }

    public bool LastOptimal { get; set; }
    public DateTimeOffset? LastRunAt { get; set; }

    private MatchingRound() { }

    public MatchingRound(string name, int minSize, int maxSize, Guid createdBy, DateTimeOffset now)
    {
        Name = name.Trim();
        DefaultMinSize = minSize;
        DefaultMaxSize = maxSize;
        CreatedBy = createdBy;
        CreatedAt = now;
    }
}
