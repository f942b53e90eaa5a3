using System.Globalization;

namespace Tsunagari.Features.Insights.CollectiveImpact;

/// <summary>The Japanese names (localization keys) of the collective impact vocabulary.</summary>
public static class CollectiveText
{
    public static string For(ReportingCadence cadence) => cadence == ReportingCadence.Monthly ? "毎月" : "四半期ごと";

    public static string For(CollectiveStatus status) => status == CollectiveStatus.Active ? "進行中" : "終了";

    public static string For(CollectiveActivityStatus status) => status switch
    {
        CollectiveActivityStatus.Planned => "予定",
        CollectiveActivityStatus.Ongoing => "実施中",
        _ => "完了",
    };

    public static string For(CommunicationKind kind) => kind switch
    {
        CommunicationKind.Meeting => "会議",
        CommunicationKind.Newsletter => "ニュースレター",
        CommunicationKind.Call => "電話・オンライン通話",
        CommunicationKind.Workshop => "ワークショップ",
        _ => "その他",
    };

    /// <summary>A period as people read it: "2026-04" for a month, "2026-04〜2026-06" for a quarter (the same in both languages).</summary>
    public static string Label(CollectivePeriod period) =>
        period.Start.Month == period.End.Month
            ? period.Start.ToString("yyyy-MM", CultureInfo.InvariantCulture)
            : period.Start.ToString("yyyy-MM", CultureInfo.InvariantCulture) + "〜" + period.End.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
