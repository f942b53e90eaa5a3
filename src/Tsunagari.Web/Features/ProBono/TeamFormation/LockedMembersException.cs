namespace Tsunagari.Features.ProBono.TeamFormation;

/// <summary>
/// The locked members cannot be kept: a locked member's challenge must be staffed, and it cannot be. Callers turn
/// <see cref="Problem"/> into a localized message naming <see cref="ChallengeId"/> (and the professional where known).
/// </summary>
public sealed class LockedMembersException : Exception
{
    public LockedMembersException()
    {
    }

    public LockedMembersException(string message)
        : base(message)
    {
    }

    public LockedMembersException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public LockedMembersException(LockProblem problem, string challengeId, string? professionalId)
        : base($"Locked member problem {problem} in challenge {challengeId} (professional {professionalId ?? "-"}).")
    {
        Problem = problem;
        ChallengeId = challengeId;
        ProfessionalId = professionalId;
    }

    public LockProblem Problem { get; }

    public string ChallengeId { get; } = "";

    public string? ProfessionalId { get; }
}
