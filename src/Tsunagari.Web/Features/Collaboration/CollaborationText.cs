namespace Tsunagari.Features.Collaboration;

/// <summary>The Japanese names (localization keys) of the collaboration vocabulary shared by its pages.</summary>
public static class CollaborationText
{
    /// <summary>The seed's circled number of an initiative type: ㉗, ㉘ or ㉙.</summary>
    public static string Mark(InitiativeType type) => type switch
    {
        InitiativeType.ByResidents => "㉗",
        InitiativeType.ByGovernment => "㉘",
        _ => "㉙",
    };

    public static string For(InitiativeType type) => type switch
    {
        InitiativeType.ByResidents => "住民による取組",
        InitiativeType.ByGovernment => "行政による取組",
        _ => "住民と行政の協働による取組",
    };

    /// <summary>The government's role for each type, as the seed puts it; shown to the owner as a prompt.</summary>
    public static string GovernmentRole(InitiativeType type) => type switch
    {
        InitiativeType.ByResidents => "能力発揮の機会の充実",
        InitiativeType.ByGovernment => "住民との協働による施策の実施可能性の検討",
        _ => "相互理解と適切な役割分担による施策の深化や地域づくりへの発展",
    };

    /// <summary>The stage's short name; <see cref="Describe(CollaborationStage)"/> gives the seed's full wording.</summary>
    public static string For(CollaborationStage stage) => stage switch
    {
        CollaborationStage.SupportingActors => "主体の支援",
        CollaborationStage.Pilot => "協働の試行",
        _ => "制度づくり",
    };

    public static string Describe(CollaborationStage stage) => stage switch
    {
        CollaborationStage.SupportingActors => "地域をともに担える主体となるよう、地域の主体を支援する段階",
        CollaborationStage.Pilot => "時間や空間を区切って協働による事業を実施し、住民と行政の協働による課題解決を試験的に図る段階",
        _ => "課題の継続的な解決を図る制度を協働してつくっていく段階",
    };

    public static string For(InitiativeOwnerKind kind) => kind switch
    {
        InitiativeOwnerKind.Department => "行政の部署",
        InitiativeOwnerKind.Organization => "団体",
        _ => "グループ",
    };

    public static string For(CallKind kind) => kind switch
    {
        CallKind.GovernmentProposed => "行政提案型",
        _ => "市民提案型",
    };

    public static string For(CallStatus status) => status switch
    {
        CallStatus.Draft => "下書き",
        CallStatus.Open => "募集中",
        CallStatus.Reviewing => "審査中",
        _ => "終了",
    };

    public static string For(ProposalStatus status) => status switch
    {
        ProposalStatus.Draft => "下書き",
        ProposalStatus.Submitted => "提出済み",
        ProposalStatus.Adopted => "採択",
        ProposalStatus.AdoptedWithConditions => "条件付き採択",
        _ => "不採択",
    };

    public static string For(AgreementParty party) => party switch
    {
        AgreementParty.Government => "行政",
        _ => "提案者",
    };

    public static string For(PilotReportKind kind) => kind switch
    {
        PilotReportKind.Progress => "進捗報告",
        PilotReportKind.MidTermReflection => "中間ふりかえり",
        _ => "最終報告",
    };

    public static string For(PilotDecision decision) => decision switch
    {
        PilotDecision.Institutionalize => "制度化する",
        PilotDecision.Continue => "試行を続ける",
        _ => "終了する",
    };

    public static string For(DialogueTheme theme) => theme switch
    {
        DialogueTheme.LearningAboutTheRegion => "地域について学ぶ",
        DialogueTheme.SharingOtherRegions => "他地域の取組を共有する",
        _ => "主体間の相互理解",
    };
}
