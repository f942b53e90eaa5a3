namespace Tsunagari.Features.Engagement.Recommendations;

/// <summary>
/// Which fields of activity (NPO Act numbers) each skill of the taxonomy serves most directly. A skill lifts an
/// opportunity in one of its fields; the table is short and readable so that a reason 「スキル: 看護・介護」 is easy
/// to check. Skills that help any organization (accounting, law, management …) point at field 19 (support for other
/// organizations) and at the pro bono way, which the ranking matches separately.
/// </summary>
public static class SkillFields
{
    private static readonly Dictionary<string, int[]> Map = new(StringComparer.Ordinal)
    {
        ["accounting"] = [19, 16],
        ["law"] = [10, 18, 19],
        ["labour"] = [17, 19],
        ["design"] = [6, 19],
        ["web"] = [14, 19],
        ["it"] = [14, 15],
        ["marketing"] = [16, 4],
        ["public-relations"] = [19, 4],
        ["writing"] = [2, 19],
        ["photography"] = [6, 4],
        ["translation"] = [11],
        ["languages"] = [11],
        ["fundraising"] = [19],
        ["management"] = [16, 19],
        ["project-management"] = [3, 19],
        ["research"] = [15, 3],
        ["facilitation"] = [3, 12],
        ["nursing"] = [1],
        ["medical"] = [1],
        ["childcare"] = [13],
        ["teaching"] = [2, 13],
        ["counselling"] = [1, 10, 12],
        ["sports"] = [6, 13],
        ["music"] = [6],
        ["cooking"] = [1, 13],
        ["gardening"] = [5, 7],
        ["crafts"] = [6, 2],
        ["carpentry"] = [3, 8],
        ["local-traditions"] = [6, 3, 4],
        ["disaster-relief"] = [8, 9],
        ["driving"] = [1, 8],
        ["event-planning"] = [3, 4],
    };

    public static IReadOnlyList<int> Of(string skill) => Map.TryGetValue(skill, out var fields) ? fields : [];
}
