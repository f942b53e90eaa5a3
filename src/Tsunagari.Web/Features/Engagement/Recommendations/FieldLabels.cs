namespace Tsunagari.Features.Engagement.Recommendations;

/// <summary>Short names of the NPO Act's 20 fields, for reasons that fit on a card (the full names are a sentence each).</summary>
public static class FieldLabels
{
    private static readonly string[] Short =
    [
        "保健・医療・福祉", "社会教育", "まちづくり", "観光", "農山漁村", "文化・芸術・スポーツ", "環境", "災害救援", "地域安全", "人権・平和",
        "国際協力", "男女共同参画", "子ども", "情報化社会", "科学技術", "経済活動", "職業能力・雇用", "消費者保護", "団体の支援", "条例で定める活動",
    ];

    /// <summary>The Japanese short name (a key of the shared resource) of field number <paramref name="number"/>.</summary>
    public static string For(int number) => number >= 1 && number <= Short.Length ? Short[number - 1] : "";
}
