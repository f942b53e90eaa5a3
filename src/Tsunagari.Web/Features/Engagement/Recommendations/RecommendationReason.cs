namespace Tsunagari.Features.Engagement.Recommendations;

/// <summary>
/// One reason an opportunity was recommended (or held back): a stable <see cref="Code"/> for API clients and the
/// <see cref="Keys"/> it is about (field numbers, skill keys, way ids, accessibility features, the time slot).
/// </summary>
public sealed record RecommendationReason(string Code, IReadOnlyList<string> Keys)
{
    public const string Interest = "interest";
    public const string Skill = "skill";
    public const string Availability = "availability";
    public const string Nearby = "nearby";
    public const string NearbyArea = "nearby-area";
    public const string Online = "online";
    public const string Way = "way";
    public const string Accessibility = "accessibility";
    public const string AccessibilityMissing = "accessibility-missing";
    public const string History = "history";
    public const string SameOrganization = "same-organization";
    public const string FirstParticipant = "first-participant";
    public const string Popular = "popular";
    public const string Soon = "soon";
    public const string Full = "full";
}
