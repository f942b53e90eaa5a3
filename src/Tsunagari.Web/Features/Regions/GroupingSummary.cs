using Tsunagari.Platform.Localization;

namespace Tsunagari.Features.Regions;

/// <summary>A regional grouping as pages and the API read it.</summary>
public sealed record GroupingSummary(Guid Id, string Name, string NameEn, int SortOrder, IReadOnlyList<string> MunicipalityCodes)
{
    /// <summary>The name in the language of the current request.</summary>
    public string LocalName => Cultures.IsEnglish ? NameEn : Name;
}
