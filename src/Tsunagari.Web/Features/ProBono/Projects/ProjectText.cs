namespace Tsunagari.Features.ProBono.Projects;

/// <summary>Japanese labels of the project enums, as keys of the shared resource.</summary>
public static class ProjectText
{
    public static string For(ProjectPhaseKind kind) => kind switch
    {
        ProjectPhaseKind.Orientation => "オリエンテーション",
        ProjectPhaseKind.Kickoff => "キックオフ・ヒアリング",
        ProjectPhaseKind.InterimProposal => "中間提案",
        ProjectPhaseKind.Production => "制作",
        ProjectPhaseKind.FinalDelivery => "成果物納品",
        ProjectPhaseKind.Review => "ふりかえり",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string For(ProjectStatus status) => status switch
    {
        ProjectStatus.Active => "進行中",
        ProjectStatus.Completed => "完了",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string For(ProjectLogKind kind) => kind switch
    {
        ProjectLogKind.Note => "メモ",
        ProjectLogKind.Decision => "決定事項",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string For(DeliverableUse use) => use switch
    {
        DeliverableUse.InUse => "使っている",
        DeliverableUse.WillUse => "これから使う",
        DeliverableUse.NotUsed => "使っていない",
        _ => throw new ArgumentOutOfRangeException(nameof(use), use, null),
    };
}
