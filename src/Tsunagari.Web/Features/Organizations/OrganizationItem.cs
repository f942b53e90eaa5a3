using System.Text.Json;

namespace Tsunagari.Features.Organizations;

/// <summary>An organization as the public API shows it (contact details and members are not part of it).</summary>
public sealed record OrganizationItem(
    Guid Id,
    string Name,
    string Kana,
    string Kind,
    string LegalForm,
    string? CorporateNumber,
    bool IntermediateSupport,
    IReadOnlyList<string> Municipalities,
    IReadOnlyList<int> Fields,
    string Mission,
    string Description,
    DateOnly? Founded,
    string Website,
    IReadOnlyList<int> WaysToHelp,
    bool Verified,
    DateTimeOffset? VerifiedAt,
    string Url)
{
    /// <summary>Enum keys in the API are camelCase names ("npo", "neighbourhoodAssociation").</summary>
    public static string KeyOf<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    public static OrganizationItem From(Organization o, string url)
    {
        ArgumentNullException.ThrowIfNull(o);
        return new OrganizationItem(o.Id, o.Name, o.Kana, KeyOf(o.Kind), KeyOf(o.LegalForm), o.CorporateNumber, o.IsIntermediateSupport,
            o.MunicipalityCodes, o.Fields, o.Mission, o.Description, o.Founded, o.Website, o.WaysToHelp,
            o.Verification == VerificationStatus.Verified, o.VerifiedAt, url);
    }
}
