namespace Tsunagari.Features.Regions;

/// <summary>Names of the kinds of municipality, as keys of the shared resource.</summary>
public static class MunicipalityKindText
{
    public static string For(MunicipalityKind kind) => kind switch
    {
        MunicipalityKind.City => "市",
        MunicipalityKind.Town => "町",
        MunicipalityKind.Village => "村",
        MunicipalityKind.Ward => "区",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>What kind of city or ward it is, when that matters: designated city, special ward, ward of a city.</summary>
    public static string? Detail(Municipality municipality)
    {
        ArgumentNullException.ThrowIfNull(municipality);
        return municipality switch
        {
            { IsDesignatedCity: true } => "政令指定都市",
            { Kind: MunicipalityKind.Ward, ParentCode: null } => "特別区",
            { Kind: MunicipalityKind.Ward } => "行政区",
            _ => null,
        };
    }
}
