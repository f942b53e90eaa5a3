using Tsunagari.Features.Engagement;

namespace Tsunagari.Features.ImpactEvaluation.Indicators;

/// <summary>The Japanese names (localization keys) of the indicator vocabulary shared by its pages.</summary>
public static class IndicatorText
{
    public static string For(IndicatorDirection direction) => direction switch
    {
        IndicatorDirection.Increase => "増えるほどよい",
        _ => "減るほどよい",
    };

    public static string For(IndicatorSource source) => source switch
    {
        IndicatorSource.Platform => "プラットフォームのデータ",
        IndicatorSource.Manual => "手入力の測定値",
        _ => "アンケート結果",
    };

    public static string For(PlatformMeasure measure) => measure switch
    {
        PlatformMeasure.Participants => "参加者数（出席した人）",
        PlatformMeasure.Newcomers => "新規参加者数（初めて出席した人）",
        PlatformMeasure.VolunteerHours => "活動時間（出席と承認済みの時間報告）",
        PlatformMeasure.SignUps => "申込数（取消・不承認を除く）",
        PlatformMeasure.ReachedStage => "段階に達した人数",
        _ => "活用されているプロボノ成果物の数",
    };

    public static string For(EvaluationPhase phase) => phase switch
    {
        EvaluationPhase.Pre => "事前評価",
        EvaluationPhase.Mid => "中間評価",
        _ => "事後評価",
    };

    /// <summary>The stages a <see cref="PlatformMeasure.ReachedStage"/> indicator can count.</summary>
    public static IReadOnlyList<JourneyStage> Stages { get; } = Enum.GetValues<JourneyStage>();
}
