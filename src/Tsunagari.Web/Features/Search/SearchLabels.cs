using Tsunagari.Features.Opportunities;
using Tsunagari.Features.Organizations;

namespace Tsunagari.Features.Search;

/// <summary>Names of the facet values that are enums (keys in the index), as keys of the shared resource.</summary>
public static class SearchLabels
{
    public static string Kind(string key) =>
        Enum.TryParse<OrganizationKind>(key, out var kind) && Enum.IsDefined(kind) ? OrganizationKindText.For(kind) : key;

    public static string Access(string key) =>
        Enum.TryParse<AccessibilityFeatures>(key, out var feature) && AccessibilityText.All.Contains(feature) ? AccessibilityText.For(feature) : key;
}
