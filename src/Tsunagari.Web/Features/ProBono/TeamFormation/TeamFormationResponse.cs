namespace Tsunagari.Features.ProBono.TeamFormation;

/// <summary>The proposed teams (nothing saved), why the other challenges stay empty, and the objective values.</summary>
/// <param name="Solver">"cp-sat" (exact) or "heuristic" (large rounds).</param>
public sealed record TeamFormationResponse(
    IReadOnlyList<TeamFormationResponse.TeamItem> Teams,
    IReadOnlyList<TeamFormationResponse.UnstaffedItem> Unstaffed,
    int StaffedCount,
    int TotalFit,
    bool Optimal,
    string Solver)
{
    public sealed record TeamItem(string ChallengeId, IReadOnlyList<MemberItem> Members);

    public sealed record MemberItem(string ProfessionalId, string Role);

    /// <param name="Reason">A sentence in the request's language.</param>
    /// <param name="ReasonCode">NobodyForRole, TakenByOtherTeams or TooSmall.</param>
    /// <param name="Skill">The role's skill key (none for TooSmall).</param>
    public sealed record UnstaffedItem(string ChallengeId, string Reason, string ReasonCode, string? Skill);
}
