using System.ComponentModel.DataAnnotations;

namespace Tsunagari.Features.Engagement.Attendance;

/// <summary>Hours a person reports for an activity outside the platform (the form and <c>POST /api/v1/me/hours</c>).</summary>
public sealed class HoursReportInput
{
    [Display(Name = "団体")]
    public Guid? OrganizationId { get; set; }

    [Display(Name = "活動した日")]
    public DateOnly? Date { get; set; }

    [Display(Name = "時間")]
    public decimal? Hours { get; set; }

    [Display(Name = "活動の内容")]
    public string? Description { get; set; }

    [Display(Name = "活動の分野")]
    public List<int> Fields { get; set; } = [];
}
