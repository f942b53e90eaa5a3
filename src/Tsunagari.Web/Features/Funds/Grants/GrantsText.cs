namespace Tsunagari.Features.Funds.Grants;

/// <summary>The Japanese names (localization keys) of the funds and grants vocabulary.</summary>
public static class GrantsText
{
    public static string For(FundKind kind) => kind switch
    {
        FundKind.General => "一般基金",
        FundKind.Theme => "テーマ基金",
        FundKind.Regional => "地域基金",
        FundKind.Named => "冠基金",
        FundKind.DesignatedProject => "事業指定基金",
        _ => "休眠預金（資金分配団体）",
    };

    public static string For(GrantProgrammeStatus status) => status switch
    {
        GrantProgrammeStatus.Draft => "準備中",
        GrantProgrammeStatus.Open => "公募中",
        _ => "募集終了",
    };

    public static string For(GrantReportKind kind) => kind == GrantReportKind.Progress ? "中間報告" : "完了報告";

    /// <summary>Where an application stands, as its applicant sees it.</summary>
    public static string For(GrantStage stage) => stage switch
    {
        GrantStage.Draft => "下書き",
        GrantStage.UnderReview => "審査中",
        GrantStage.Declined => "不採択",
        GrantStage.Awarded => "採択（助成決定）",
        GrantStage.Disbursing => "助成金の交付中",
        GrantStage.Reporting => "報告待ち",
        _ => "完了",
    };
}

/// <summary>The steps an application goes through, from the draft to the closed grant.</summary>
public enum GrantStage
{
    Draft = 1,
    UnderReview = 2,
    Declined = 3,
    Awarded = 4,
    Disbursing = 5,
    Reporting = 6,
    Closed = 7,
}

/// <summary>Works out the stage of an application from its status and its award.</summary>
public static class GrantStages
{
    public static GrantStage Of(GrantApplication application, GrantAward? award, int instalments, int paid)
    {
        ArgumentNullException.ThrowIfNull(application);
        return application.Status switch
        {
            GrantApplicationStatus.Draft => GrantStage.Draft,
            GrantApplicationStatus.Submitted => GrantStage.UnderReview,
            GrantApplicationStatus.Declined => GrantStage.Declined,
            _ when award is null => GrantStage.Awarded,
            _ when award.IsClosed => GrantStage.Closed,
            _ when paid == 0 => GrantStage.Awarded,
            _ when paid < instalments => GrantStage.Disbursing,
            _ => GrantStage.Reporting,
        };
    }

    public static readonly GrantStage[] Path = [GrantStage.Draft, GrantStage.UnderReview, GrantStage.Awarded, GrantStage.Disbursing, GrantStage.Reporting, GrantStage.Closed];
}
