namespace Tsunagari.Features.Regions;

/// <summary>
/// A municipality (市区町村) or a ward of a designated city. <see cref="ParentCode"/> is the city of a ward;
/// <see cref="Wards"/> is empty except for designated cities (政令指定都市).
/// </summary>
public sealed record Municipality(
    string Code,
    string Name,
    string Kana,
    MunicipalityKind Kind,
    string PrefectureCode,
    string? ParentCode,
    IReadOnlyList<Municipality> Wards)
{
    public bool IsDesignatedCity => Wards.Count > 0;
}
