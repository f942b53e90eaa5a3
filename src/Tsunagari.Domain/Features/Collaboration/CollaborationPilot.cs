namespace Tsunagari.Features.Collaboration;

/// <summary>
/// The time- and space-boxed pilot of an adopted proposal, started when its agreement comes into force. It carries
/// milestones, reports, both sides' evaluations and, at the end, the decision on what follows, which moves the
/// initiative it belongs to.
/// </summary>
public sealed class CollaborationPilot
{
    public const int MaxReasonLength = 2000;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid ProposalId { get; private set; }
    public Guid InitiativeId { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }

    public PilotDecision? Decision { get; private set; }
    public string DecisionReason { get; private set; } = "";
    public Guid? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }

    private CollaborationPilot() { }

    public CollaborationPilot(Guid proposalId, Guid initiativeId, DateTimeOffset now)
    {
        ProposalId = proposalId;
        InitiativeId = initiativeId;
        StartedAt = now;
    }

    /// <summary>Running until decided; a decision to continue keeps it running.</summary>
    public bool IsRunning => Decision is null or PilotDecision.Continue;

    public void Decide(PilotDecision decision, string reason, Guid by, DateTimeOffset now)
    {
        if (!Enum.IsDefined(decision)) throw new ArgumentOutOfRangeException(nameof(decision), decision, "Unknown decision.");
        if (!IsRunning) throw new InvalidOperationException("The pilot has already ended.");
        var because = (reason ?? "").ReplaceLineEndings("\n").Trim();
        if (because.Length is 0 or > MaxReasonLength) throw new ArgumentException("A decision gives its reasons.", nameof(reason));
        Decision = decision;
        DecisionReason = because;
        DecidedBy = by;
        DecidedAt = now;
    }
}

/// <summary>What follows a pilot: build it into a system (the initiative's third stage), pilot on, or stop.</summary>
public enum PilotDecision
{
    Institutionalize = 1,
    Continue = 2,
    Stop = 3,
}
