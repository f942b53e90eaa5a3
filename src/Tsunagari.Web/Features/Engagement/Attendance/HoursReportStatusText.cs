namespace Tsunagari.Features.Engagement.Attendance;

/// <summary>Japanese labels (translated through the localizer) of a report's status.</summary>
public static class HoursReportStatusText
{
    public static string Of(HoursReportStatus status) => status switch
    {
        HoursReportStatus.Pending => "確認待ち",
        HoursReportStatus.Approved => "承認済み",
        HoursReportStatus.Rejected => "却下",
        _ => "不明",
    };
}
