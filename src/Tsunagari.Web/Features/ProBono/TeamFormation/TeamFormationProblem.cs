namespace Tsunagari.Features.ProBono.TeamFormation;

/// <summary>
/// One matching round as the solver sees it: challenges with the roles they need, the professionals who can fill them,
/// and what the coordinator fixed. Ids are the caller's (challenge and account ids as strings in the platform; anything
/// unique in the what-if API).
/// </summary>
public sealed record TeamFormationProblem
{
    public IReadOnlyList<ChallengeNeed> Challenges { get; init; } = [];
    public IReadOnlyList<ProfessionalOffer> Professionals { get; init; } = [];

    /// <summary>Members the coordinator locked: kept as they are, the rest is solved around them.</summary>
    public IReadOnlyList<TeamMember> Locked { get; init; } = [];

    /// <summary>Pairs never to propose again (a professional who declined that challenge).</summary>
    public IReadOnlyList<(string ChallengeId, string ProfessionalId)> Excluded { get; init; } = [];

    /// <summary>Municipality code → its regional grouping, for the "near" part of the fit (none: municipalities only).</summary>
    public IReadOnlyDictionary<string, string> GroupingOf { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Seconds the exact solver may spend before returning its best (then not proven optimal).</summary>
    public double TimeLimitSeconds { get; init; } = 10;
}

/// <param name="OrganizationId">The organization behind it, matched against professionals' conflicts (optional in the API).</param>
public sealed record ChallengeNeed(
    string Id,
    int? Field,
    string? MunicipalityCode,
    bool Online,
    int HoursPerWeek,
    IReadOnlyList<RoleNeed> Roles,
    int MinSize = 3,
    int MaxSize = 5,
    string? OrganizationId = null);

/// <summary>A role a challenge needs, by skill key (the shared skills taxonomy), and how many people in it.</summary>
public sealed record RoleNeed(string Skill, int Count);

/// <param name="Skills">Skill key → level 1–3.</param>
/// <param name="Conflicts">Challenge or organization ids this professional must never serve.</param>
public sealed record ProfessionalOffer(
    string Id,
    IReadOnlyDictionary<string, int> Skills,
    int HoursPerWeek,
    IReadOnlyList<int> PreferredFields,
    IReadOnlyList<string> PreferredMunicipalities,
    bool AcceptsOnline,
    IReadOnlyList<string> Conflicts);

public sealed record TeamMember(string ChallengeId, string ProfessionalId, string Role);

public sealed record Team(string ChallengeId, IReadOnlyList<TeamMember> Members);

/// <summary>A challenge left empty, why, and the role concerned (none for <see cref="UnstaffedReason.TooSmall"/>).</summary>
public sealed record Unstaffed(string ChallengeId, UnstaffedReason Reason, string? Skill);

public enum UnstaffedReason
{
    /// <summary>Nobody in the round can fill this role at all (skill, hours, conflicts, exclusions).</summary>
    NobodyForRole,

    /// <summary>People could fill the role, but fewer than it needs once the other teams were formed.</summary>
    TakenByOtherTeams,

    /// <summary>Every role can be filled, but not up to the team's minimum size.</summary>
    TooSmall,
}

/// <param name="Solver">"cp-sat" or "heuristic".</param>
public sealed record TeamFormationResult(
    IReadOnlyList<Team> Teams,
    IReadOnlyList<Unstaffed> Unstaffed,
    int StaffedCount,
    int TotalFit,
    bool Optimal,
    string Solver);
