namespace Tsunagari.Features.Engagement.Profiles;

/// <summary>A person's own profile as the API returns it: the shape PUT takes, plus when it was last saved (null: never).</summary>
public sealed record ProfileItem(
    string? MunicipalityCode,
    IReadOnlyList<int> Interests,
    IReadOnlyDictionary<string, int> Skills,
    string? LifeStage,
    IReadOnlyList<string> Availability,
    int? HoursPerMonth,
    IReadOnlyList<int> PreferredWays,
    IReadOnlyList<string> AccessibilityNeeds,
    IReadOnlyList<string> Languages,
    string Visibility,
    DateTimeOffset? UpdatedAt)
{
    public static ProfileItem From(ResidentProfile? profile)
    {
        var input = ProfileInput.From(profile);
        return new ProfileItem(input.MunicipalityCode, input.Interests, input.Skills, input.LifeStage, input.Availability, input.HoursPerMonth,
            input.PreferredWays, input.AccessibilityNeeds, input.Languages, input.Visibility!, profile?.UpdatedAt);
    }
}
