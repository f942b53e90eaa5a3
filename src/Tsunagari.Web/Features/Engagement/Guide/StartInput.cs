using Tsunagari.Features.Organizations;

namespace Tsunagari.Features.Engagement.Guide;

/// <summary>The light start of a group of individuals (任意団体): what it takes to appear on the platform, no more.</summary>
public sealed class StartInput
{
    public string? Name { get; set; }
    public string? Kana { get; set; }
    public string? MunicipalityCode { get; set; }
    public List<int> Fields { get; set; } = [];
    public string? Description { get; set; }

    /// <summary>As a full registration: an NPO等 without legal personality; the short description is its mission.</summary>
    public OrganizationInput ToOrganization() => new()
    {
        Name = Name,
        Kana = Kana,
        Kind = nameof(OrganizationKind.Npo),
        LegalForm = nameof(LegalForm.Unincorporated),
        Municipalities = string.IsNullOrWhiteSpace(MunicipalityCode) ? [] : [MunicipalityCode],
        Fields = Fields,
        Mission = Description,
    };

    /// <summary>Where an error about the full registration's property shows on this form.</summary>
    public static string FieldOf(string organizationProperty) => organizationProperty switch
    {
        nameof(OrganizationInput.Municipalities) => nameof(MunicipalityCode),
        nameof(OrganizationInput.Mission) => nameof(Description),
        _ => organizationProperty,
    };
}
