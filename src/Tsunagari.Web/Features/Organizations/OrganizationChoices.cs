using Tsunagari.Features.Regions;
using Tsunagari.Platform.Localization;

namespace Tsunagari.Features.Organizations;

/// <summary>What the organization form offers: the prefecture's municipalities by grouping, and the ways to take part.</summary>
public sealed record OrganizationChoices(IReadOnlyList<OrganizationChoices.MunicipalitySection> Sections, IReadOnlyList<OrganizationChoices.Way> Ways)
{
    public const string ViewDataKey = "OrganizationChoices";

    /// <summary>A grouping's municipalities; Grouping is null for those in none.</summary>
    public sealed record MunicipalitySection(GroupingSummary? Grouping, IReadOnlyList<Municipality> Municipalities);

    public sealed record Way(int Id, string Key, string Name, string NameEn)
    {
        public string LocalName => Cultures.IsEnglish ? NameEn : Name;
    }
}
