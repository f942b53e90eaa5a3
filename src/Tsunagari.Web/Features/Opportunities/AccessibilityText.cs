namespace Tsunagari.Features.Opportunities;

/// <summary>Names of the accessibility features and statuses, as keys of the shared resource.</summary>
public static class AccessibilityText
{
    public static IReadOnlyList<AccessibilityFeatures> All { get; } =
        Enum.GetValues<AccessibilityFeatures>().Where(f => f != AccessibilityFeatures.None).ToList();

    public static string For(AccessibilityFeatures feature) => feature switch
    {
        AccessibilityFeatures.Wheelchair => "車いすで参加できる",
        AccessibilityFeatures.HearingSupport => "聴覚サポート（筆談・字幕など）",
        AccessibilityFeatures.SignLanguage => "手話通訳あり",
        AccessibilityFeatures.Childcare => "託児あり",
        AccessibilityFeatures.EasyJapanese => "やさしい日本語",
        AccessibilityFeatures.Seating => "座って参加できる",
        AccessibilityFeatures.Online => "オンラインで参加できる",
        _ => throw new ArgumentOutOfRangeException(nameof(feature), feature, null),
    };

    public static IEnumerable<AccessibilityFeatures> In(AccessibilityFeatures features) => All.Where(f => features.HasFlag(f));

    public static string Status(OpportunityStatus status) => status switch
    {
        OpportunityStatus.Draft => "下書き",
        OpportunityStatus.Published => "公開中",
        OpportunityStatus.Closed => "受付終了",
        OpportunityStatus.Cancelled => "中止",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
