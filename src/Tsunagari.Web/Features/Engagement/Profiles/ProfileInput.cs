namespace Tsunagari.Features.Engagement.Profiles;

/// <summary>
/// A resident's profile as the form posts it (bound as "Input") and as the API reads and writes it. Enums are their
/// names; skills map a skill key to a level (0 or absent = none). <see cref="ValidateProfile"/> checks it for both.
/// </summary>
public sealed class ProfileInput
{
    public string? MunicipalityCode { get; set; }
    public List<int> Interests { get; set; } = [];
    public Dictionary<string, int> Skills { get; set; } = new(StringComparer.Ordinal);
    public string? LifeStage { get; set; }
    public List<string> Availability { get; set; } = [];
    public int? HoursPerMonth { get; set; }
    public List<int> PreferredWays { get; set; } = [];
    public List<string> AccessibilityNeeds { get; set; } = [];
    public List<string> Languages { get; set; } = [];
    public string? Visibility { get; set; }

    public static ProfileInput From(ResidentProfile? profile)
    {
        if (profile is null) return new ProfileInput { Visibility = nameof(ProfileVisibility.Private) };
        return new ProfileInput
        {
            MunicipalityCode = profile.MunicipalityCode,
            Interests = [.. profile.Interests],
            Skills = profile.Skills.ToDictionary(s => s.Skill, s => s.Level, StringComparer.Ordinal),
            LifeStage = profile.LifeStage?.ToString(),
            Availability = AvailabilityText.In(profile.Availability).Select(a => a.ToString()).ToList(),
            HoursPerMonth = profile.HoursPerMonth,
            PreferredWays = [.. profile.PreferredWays],
            AccessibilityNeeds = Opportunities.AccessibilityText.In(profile.AccessibilityNeeds).Select(a => a.ToString()).ToList(),
            Languages = [.. profile.Languages],
            Visibility = profile.Visibility.ToString(),
        };
    }
}
