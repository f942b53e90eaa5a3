using System.Text.Json.Serialization;

namespace Tsunagari.Features.Regions;

/// <summary>
/// A municipality or ward in the API. <c>wards</c> appears for designated cities only and <c>parentCode</c> for their
/// wards only; <c>grouping</c> is the Japanese name of the regional grouping (a ward's is its city's), or null.
/// </summary>
public sealed record MunicipalityItem(
    string Code,
    string Name,
    string Kana,
    string Kind,
    string PrefectureCode,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ParentCode,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<MunicipalityItem>? Wards,
    string? Grouping)
{
    public static MunicipalityItem From(Municipality municipality, IReadOnlyDictionary<string, GroupingSummary> groupings)
    {
        ArgumentNullException.ThrowIfNull(municipality);
        ArgumentNullException.ThrowIfNull(groupings);
        var grouping = groupings.GetValueOrDefault(municipality.ParentCode ?? municipality.Code);
        return new(
            municipality.Code,
            municipality.Name,
            municipality.Kana,
            KindName(municipality.Kind),
            municipality.PrefectureCode,
            municipality.ParentCode,
            municipality.IsDesignatedCity ? [.. municipality.Wards.Select(w => From(w, groupings))] : null,
            grouping?.Name);
    }

    public static string KindName(MunicipalityKind kind) => kind switch
    {
        MunicipalityKind.City => "city",
        MunicipalityKind.Town => "town",
        MunicipalityKind.Village => "village",
        MunicipalityKind.Ward => "ward",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
