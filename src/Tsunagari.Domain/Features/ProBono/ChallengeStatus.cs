namespace Tsunagari.Features.ProBono;

/// <summary>
/// Submitted → (changes requested ↔ resubmitted) → accepted → in a round → staffed or unstaffed; or declined with a reason.
/// </summary>
public enum ChallengeStatus
{
    Submitted = 1,
    ChangesRequested = 2,
    Resubmitted = 3,
    Accepted = 4,
    InRound = 5,
    Staffed = 6,
    Unstaffed = 7,
    Declined = 8,
}
