using Tsunagari.Features.Opportunities;

namespace Tsunagari.Features.Engagement;

/// <summary>What a person edits about their profile (the page form and the API share it), already validated.</summary>
public sealed record ResidentProfileDetails(
    string? MunicipalityCode,
    IReadOnlyList<int> Interests,
    IReadOnlyList<ProfileSkill> Skills,
    LifeStage? LifeStage,
    Availability Availability,
    int? HoursPerMonth,
    IReadOnlyList<int> PreferredWays,
    AccessibilityFeatures AccessibilityNeeds,
    IReadOnlyList<string> Languages,
    ProfileVisibility Visibility);
