using Tsunagari.Features.Opportunities;

namespace Tsunagari.Features.Engagement.Recommendations;

/// <summary>
/// What the ranking knows of the person it ranks for: their profile (all of it optional), the fields and organizations
/// of what they attended, and what they have already signed up for.
/// </summary>
public sealed record Seeker
{
    public IReadOnlyCollection<int> Interests { get; init; } = [];
    public IReadOnlyCollection<ProfileSkill> Skills { get; init; } = [];
    public Availability Availability { get; init; }
    public string? MunicipalityCode { get; init; }
    /// <summary>The designated city of a ward the person lives in.</summary>
    public string? CityCode { get; init; }
    public IReadOnlyCollection<int> PreferredWays { get; init; } = [];
    public AccessibilityFeatures Needs { get; init; }
    /// <summary>Fields of the opportunities the person attended (checked in).</summary>
    public IReadOnlyCollection<int> AttendedFields { get; init; } = [];
    public IReadOnlyCollection<Guid> AttendedOrganizations { get; init; } = [];
    /// <summary>Opportunities the person has signed up for (in whatever state): never recommended again.</summary>
    public IReadOnlyCollection<Guid> SignedUp { get; init; } = [];

    /// <summary>
    /// Nothing to rank by: no profile, or an empty one, and no attendance. Such a person is shown what is popular and
    /// soon (with the no-participants lift still spreading attention).
    /// </summary>
    public bool KnowsNothing =>
        Interests.Count == 0 && Skills.Count == 0 && Availability == Availability.None && string.IsNullOrEmpty(MunicipalityCode)
        && PreferredWays.Count == 0 && Needs == AccessibilityFeatures.None && AttendedFields.Count == 0 && AttendedOrganizations.Count == 0;
}
