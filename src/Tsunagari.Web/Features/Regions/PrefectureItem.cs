namespace Tsunagari.Features.Regions;

public sealed record PrefectureItem(string Code, string Name, string Kana)
{
    public static PrefectureItem From(Prefecture prefecture)
    {
        ArgumentNullException.ThrowIfNull(prefecture);
        return new(prefecture.Code, prefecture.Name, prefecture.Kana);
    }
}
