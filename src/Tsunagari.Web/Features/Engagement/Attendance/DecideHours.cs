using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Features.Opportunities;
using Tsunagari.Resources;

namespace Tsunagari.Features.Engagement.Attendance;

/// <summary>An organization's admin approves or rejects hours reported for it; nobody else can (the report is not found).</summary>
public sealed class DecideHours(AppDbContext db, IAuthorizationService authorization, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    /// <summary><paramref name="Status"/> is the HTTP status for the API; 200 when decided.</summary>
    public sealed record Outcome(int Status, string Message, HoursReport? Report = null);

    /// <param name="organizationId">The organization of the page it is decided on, or null (the API): a report of another organization is not found.</param>
    public async Task<Outcome> RunAsync(ClaimsPrincipal user, Guid reportId, Guid? organizationId, bool approve, string? note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var report = await db.HoursReports.SingleOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        var notFound = new Outcome(StatusCodes.Status404NotFound, l["時間の報告が見つかりません。"]);
        if (report is null || (organizationId is { } org && report.OrganizationId != org)) return notFound;
        var organization = await OpportunityAccess.OrganizationAsync(db, report.OrganizationId, cancellationToken);
        if (!await OpportunityAccess.CanManageAsync(authorization, user, organization)) return notFound;
        if (report.Status != HoursReportStatus.Pending) return new(StatusCodes.Status409Conflict, l["この報告はすでに判断されています。"], report);
        var text = (note ?? "").Trim();
        if (!approve && text.Length == 0) return new(StatusCodes.Status400BadRequest, l["却下の理由を入力してください。"], report);
        if (text.Length > SignUp.MaxReasonLength) return new(StatusCodes.Status400BadRequest, l["メモは{0}文字以内で入力してください。", SignUp.MaxReasonLength], report);
        var now = clock.GetUtcNow();
        report.Status = approve ? HoursReportStatus.Approved : HoursReportStatus.Rejected;
        report.DecidedBy = Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!);
        report.DecidedAt = now;
        report.DecisionNote = text;
        db.Notifications.Add(new Notification(report.AccountId, approve ? NotificationKind.HoursApproved : NotificationKind.HoursRejected,
            organization!.Name, text, "/me/hours", now));
        await db.SaveChangesAsync(cancellationToken);
        return new(StatusCodes.Status200OK, approve ? l["承認しました。"] : l["却下しました。"], report);
    }
}
