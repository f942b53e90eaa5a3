namespace Tsunagari.Features.Regions;

/// <summary>
/// 市 / 町 / 村 / 区. Wards are those of designated cities (行政区) and Tokyo's special wards (特別区); only the former
/// have a parent city.
/// </summary>
public enum MunicipalityKind
{
    City,
    Town,
    Village,
    Ward,
}
