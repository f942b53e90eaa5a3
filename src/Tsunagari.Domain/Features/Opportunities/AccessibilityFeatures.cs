namespace Tsunagari.Features.Opportunities;

/// <summary>What an opportunity offers so that everyone can take part (the seed's 共生社会).</summary>
[Flags]
public enum AccessibilityFeatures
{
    None = 0,

    /// <summary>車いすで参加できる</summary>
    Wheelchair = 1,

    /// <summary>聴覚サポート（筆談・字幕など）</summary>
    HearingSupport = 2,

    /// <summary>手話通訳あり</summary>
    SignLanguage = 4,

    /// <summary>託児あり</summary>
    Childcare = 8,

    /// <summary>やさしい日本語</summary>
    EasyJapanese = 16,

    /// <summary>座って参加できる</summary>
    Seating = 32,

    /// <summary>オンラインで参加できる</summary>
    Online = 64,
}
