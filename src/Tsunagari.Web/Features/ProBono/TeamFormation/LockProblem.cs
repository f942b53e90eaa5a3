namespace Tsunagari.Features.ProBono.TeamFormation;

/// <summary>Why the coordinator's locked members cannot be kept.</summary>
public enum LockProblem
{
    /// <summary>The locked challenge is not in the round.</summary>
    UnknownChallenge,

    /// <summary>The locked professional is not in the round.</summary>
    UnknownProfessional,

    /// <summary>The challenge does not list the locked role.</summary>
    UnknownRole,

    /// <summary>The professional is locked more than once.</summary>
    LockedTwice,

    /// <summary>The professional may not fill that role there (skill, hours, conflict or exclusion).</summary>
    NotEligible,

    /// <summary>More members are locked than the team may have, or than the locked role plus the others need.</summary>
    TooMany,

    /// <summary>The rest of the team cannot be found, so the challenge cannot be staffed around the locked members.</summary>
    CannotStaff,
}
