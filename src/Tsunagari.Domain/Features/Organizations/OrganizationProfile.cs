namespace Tsunagari.Features.Organizations;

/// <summary>What an organization's admins edit about it (the page form and the API share it).</summary>
public sealed record OrganizationProfile(
    string Name,
    string Kana,
    OrganizationKind Kind,
    LegalForm LegalForm,
    string? CorporateNumber,
    bool IsIntermediateSupport,
    IReadOnlyList<string> MunicipalityCodes,
    IReadOnlyList<int> Fields,
    string Mission,
    string Description,
    DateOnly? Founded,
    string ContactEmail,
    string ContactPhone,
    string Website,
    IReadOnlyList<int> WaysToHelp);
