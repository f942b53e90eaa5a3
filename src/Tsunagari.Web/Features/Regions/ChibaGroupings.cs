namespace Tsunagari.Features.Regions;

/// <summary>
/// Default regional groupings of 千葉県 (120006): the jurisdictions of the prefecture's ten 地域振興事務所 (regional
/// promotion offices: 葛南, 東葛飾, 印旛, 香取, 海匝, 山武, 長生, 夷隅, 安房, 君津) plus 千葉. 千葉市 has no 地域振興事務所,
/// and 市原市 is placed with it because no 地域振興事務所 covers it either. Compiled from Chiba Prefecture's published
/// office jurisdictions; offices and their areas change, so the prefecture should verify the membership and correct it
/// on the groupings page.
/// </summary>
public static class ChibaGroupings
{
    public const string PrefectureCode = "120006";

    public static readonly IReadOnlyList<(string Name, string NameEn, string[] Municipalities)> Areas =
    [
        ("千葉", "Chiba", ["千葉市", "市原市"]),
        ("葛南", "Katsunan", ["市川市", "船橋市", "習志野市", "八千代市", "浦安市"]),
        ("東葛飾", "Higashi-Katsushika", ["松戸市", "野田市", "柏市", "流山市", "我孫子市", "鎌ケ谷市"]),
        ("印旛", "Inba", ["成田市", "佐倉市", "四街道市", "八街市", "印西市", "白井市", "富里市", "酒々井町", "栄町"]),
        ("香取", "Katori", ["香取市", "神崎町", "多古町", "東庄町"]),
        ("海匝", "Kaiso", ["銚子市", "旭市", "匝瑳市"]),
        ("山武", "Sanbu", ["東金市", "山武市", "大網白里市", "九十九里町", "芝山町", "横芝光町"]),
        ("長生", "Chosei", ["茂原市", "一宮町", "睦沢町", "長生村", "白子町", "長柄町", "長南町"]),
        ("夷隅", "Isumi", ["勝浦市", "いすみ市", "大多喜町", "御宿町"]),
        ("安房", "Awa", ["館山市", "鴨川市", "南房総市", "鋸南町"]),
        ("君津", "Kimitsu", ["木更津市", "君津市", "富津市", "袖ケ浦市"]),
    ];

    /// <summary>The groupings as entities, their municipalities resolved by name in the shipped list (throws if one is missing).</summary>
    public static IEnumerable<RegionalGrouping> Create(Japan japan)
    {
        ArgumentNullException.ThrowIfNull(japan);
        var chiba = japan.Prefecture(PrefectureCode) ?? throw new InvalidOperationException("千葉県 is missing from the list.");
        var codesByName = chiba.Municipalities.ToDictionary(m => m.Name, m => m.Code, StringComparer.Ordinal);
        return Areas.Select((area, index) => new RegionalGrouping(
            PrefectureCode,
            area.Name,
            area.NameEn,
            (index + 1) * 10,
            area.Municipalities.Select(name => codesByName.TryGetValue(name, out var code)
                ? code
                : throw new InvalidOperationException($"{name} is not a municipality of 千葉県 in the shipped list."))));
    }
}
