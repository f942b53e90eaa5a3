namespace Tsunagari.Features.ProBono;

/// <summary>
/// One professional in one role of one challenge's team in a round. Unsent rows are the coordinator's draft (the
/// solver's proposal, replacements); sent rows are the person's to answer. Declined rows are kept: the pair is never
/// proposed again.
/// </summary>
public sealed class RoundAssignment
{
    public const int MaxReasonLength = 1000;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid RoundId { get; private set; }
    public Guid ChallengeId { get; private set; }
    public Guid AccountId { get; private set; }
    public string Role { get; private set; } = "";
    public int Fit { get; private set; }
    public bool Locked { get; set; }
    public AssignmentResponse Response { get; private set; } = AssignmentResponse.Proposed;
    public string DeclineReason { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public DateTimeOffset? RespondedAt { get; private set; }

    private RoundAssignment() { }

    public RoundAssignment(Guid roundId, Guid challengeId, Guid accountId, string role, int fit, bool locked, DateTimeOffset now)
    {
        RoundId = roundId;
        ChallengeId = challengeId;
        AccountId = accountId;
        Role = role;
        Fit = fit;
        Locked = locked;
        CreatedAt = now;
    }

    /// <summary>Still part of the team (proposed or accepted).</summary>
    public bool Current => Response is AssignmentResponse.Proposed or AssignmentResponse.Accepted;

    public void Send(DateTimeOffset now) => SentAt = now;

    public void Accept(DateTimeOffset now)
    {
        Response = AssignmentResponse.Accepted;
        RespondedAt = now;
    }

    public void Decline(string reason, DateTimeOffset now)
    {
        Response = AssignmentResponse.Declined;
        DeclineReason = reason;
        RespondedAt = now;
    }

    public void Withdraw(DateTimeOffset now)
    {
        Response = AssignmentResponse.Withdrawn;
        RespondedAt = now;
    }
}
