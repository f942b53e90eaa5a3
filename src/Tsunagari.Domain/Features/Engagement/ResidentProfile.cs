using Tsunagari.Features.Opportunities;

namespace Tsunagari.Features.Engagement;

/// <summary>
/// What a resident tells the platform about themselves so that it can suggest ways to take part. Every field is
/// optional; <see cref="Visibility"/> decides who else sees it.
/// </summary>
public sealed class ResidentProfile
{
    public const int MaxLanguages = 10;

    public Guid AccountId { get; private set; }
    public string? MunicipalityCode { get; set; }

    /// <summary>Fields of activity (NPO Act numbers) the person is interested in.</summary>
    public List<int> Interests { get; set; } = [];

    public List<ProfileSkill> Skills { get; set; } = [];
    public LifeStage? LifeStage { get; set; }
    public Availability Availability { get; set; }
    public int? HoursPerMonth { get; set; }

    /// <summary>Ids of <see cref="WayToTakePart"/>.</summary>
    public List<int> PreferredWays { get; set; } = [];

    public AccessibilityFeatures AccessibilityNeeds { get; set; }

    /// <summary>BCP 47 tags of the languages the person takes part in.</summary>
    public List<string> Languages { get; set; } = [];

    public ProfileVisibility Visibility { get; set; } = ProfileVisibility.Private;
    public DateTimeOffset UpdatedAt { get; set; }

    private ResidentProfile() { }

    public ResidentProfile(Guid accountId, DateTimeOffset now)
    {
        AccountId = accountId;
        UpdatedAt = now;
    }

    /// <summary>Replaces everything the person edits; lists are kept in a stable order so exports and diffs stay readable.</summary>
    public void Update(ResidentProfileDetails details, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        MunicipalityCode = string.IsNullOrWhiteSpace(details.MunicipalityCode) ? null : details.MunicipalityCode.Trim();
        Interests = details.Interests.Distinct().Order().ToList();
        Skills = details.Skills.DistinctBy(s => s.Skill, StringComparer.Ordinal).OrderBy(s => s.Skill, StringComparer.Ordinal).ToList();
        LifeStage = details.LifeStage;
        Availability = details.Availability;
        HoursPerMonth = details.HoursPerMonth;
        PreferredWays = details.PreferredWays.Distinct().Order().ToList();
        AccessibilityNeeds = details.AccessibilityNeeds;
        Languages = details.Languages.Distinct(StringComparer.Ordinal).ToList();
        Visibility = details.Visibility;
        UpdatedAt = now;
    }
}

/// <summary>A skill from <see cref="Engagement.Skills"/> with the person's own level (1–3).</summary>
public sealed record ProfileSkill(string Skill, int Level);

public enum LifeStage
{
    Student = 1,
    Working = 2,
    RaisingChildren = 3,
    Retired = 4,
    Other = 5,
}

/// <summary>When a person can usually take part; days are Japan time.</summary>
[Flags]
public enum Availability
{
    None = 0,
    WeekdayDaytime = 1,
    WeekdayEvening = 2,
    WeekendDaytime = 4,
    WeekendEvening = 8,
}

public enum ProfileVisibility
{
    /// <summary>Only the person (and, for their sign-ups, nothing beyond name and answers).</summary>
    Private = 1,

    /// <summary>Admins of organizations the person is a member of or has signed up with.</summary>
    Organizations = 2,

    Public = 3,
}
