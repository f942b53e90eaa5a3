namespace Tsunagari.Features.ProBono.TeamFormation;

/// <summary>
/// A matching round posted to the what-if API. Everything is nullable so that a missing value is a localized
/// validation message naming the item, not a binding failure.
/// </summary>
public sealed record TeamFormationRequest(
    IReadOnlyList<TeamFormationRequest.Challenge?>? Challenges,
    IReadOnlyList<TeamFormationRequest.Professional?>? Professionals,
    IReadOnlyList<TeamFormationRequest.LockedMember?>? Locked,
    double? TimeLimitSeconds)
{
    /// <param name="Field">Field of activity 1–20 (the NPO Act's fields), optional.</param>
    /// <param name="MunicipalityCode">6-digit local government code, optional.</param>
    /// <param name="OrganizationId">Matched against professionals' conflicts, optional.</param>
    public sealed record Challenge(
        string? Id,
        int? Field,
        string? MunicipalityCode,
        bool? Online,
        int? HoursPerWeek,
        IReadOnlyList<Role?>? Roles,
        int? MinSize,
        int? MaxSize,
        string? OrganizationId);

    /// <param name="Skill">A key of the skills taxonomy.</param>
    public sealed record Role(string? Skill, int? Count);

    /// <param name="Conflicts">Challenge or organization ids this professional must never serve.</param>
    public sealed record Professional(
        string? Id,
        IReadOnlyList<SkillLevel?>? Skills,
        int? HoursPerWeek,
        IReadOnlyList<int>? PreferredFields,
        IReadOnlyList<string?>? PreferredMunicipalities,
        bool? AcceptsOnline,
        IReadOnlyList<string?>? Conflicts);

    /// <param name="Level">1 some experience, 2 practised, 3 professional.</param>
    public sealed record SkillLevel(string? Skill, int? Level);

    public sealed record LockedMember(string? ChallengeId, string? ProfessionalId, string? Role);
}
