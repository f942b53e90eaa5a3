namespace Tsunagari.Features.Opportunities;

/// <summary>The icons in wwwroot/icons an admin can give a way to take part (decoration beside its name).</summary>
public static class WayIcons
{
    public static IReadOnlyList<string> All { get; } =
        ["sparkle", "repeat", "calendar", "moon", "laptop", "flag", "heart", "briefcase", "palette", "compass", "family", "school", "tea", "dot"];
}
