namespace Tsunagari.Features.Regions;

public sealed record MunicipalityList(PrefectureItem Prefecture, IReadOnlyList<MunicipalityItem> Items);
