namespace Tsunagari.Features.ProBono;

/// <summary>Where a professional stands on a team proposal.</summary>
public enum AssignmentResponse
{
    Proposed = 1,
    Accepted = 2,
    Declined = 3,

    /// <summary>The coordinator took the person off the team, or the team could not be completed.</summary>
    Withdrawn = 4,
}
