using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Features.Organizations;
using Tsunagari.Features.Regions;
using Tsunagari.Platform;
using Tsunagari.Resources;

namespace Tsunagari.Features.Engagement.Attendance;

/// <summary>A person reports hours for an organization; its admins are told and decide.</summary>
public sealed class ReportHours(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public sealed record Outcome(HoursReport? Report, IReadOnlyDictionary<string, string[]> Errors)
    {
        public bool Succeeded => Report is not null;
    }

    public async Task<Outcome> RunAsync(Guid accountId, HoursReportInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new ValidationErrors();
        var now = clock.GetUtcNow();
        var today = OccurrenceTimes.JapanDate(now);
        var organization = input.OrganizationId is { } id
            ? await db.Organizations.AsNoTracking().Where(o => o.Id == id).Select(o => new { o.Id, o.Name }).SingleOrDefaultAsync(cancellationToken)
            : null;
        if (organization is null) errors.Add(nameof(input.OrganizationId), l["活動した団体を選んでください。"]);
        if (input.Date is not { } date) errors.Add(nameof(input.Date), l["活動した日を入力してください。"]);
        else if (date > today) errors.Add(nameof(input.Date), l["まだ来ていない日の時間は報告できません。"]);
        else if (date < today.AddYears(-1)) errors.Add(nameof(input.Date), l["1年以上前の活動は報告できません。"]);
        if (!AttendanceHours.IsValid(input.Hours)) errors.Add(nameof(input.Hours), l["時間は0より大きく{0}以下で入力してください（15分単位）。", SignUp.MaxHours]);
        var description = (input.Description ?? "").Trim();
        if (description.Length == 0) errors.Add(nameof(input.Description), l["活動の内容を入力してください。"]);
        else if (description.Length > HoursReport.MaxDescriptionLength) errors.Add(nameof(input.Description), l["活動の内容は{0}文字以内で入力してください。", HoursReport.MaxDescriptionLength]);
        if (input.Fields.Any(f => !FieldsOfActivity.IsDefined(f))) errors.Add(nameof(input.Fields), l["活動の分野を一覧から選んでください。"]);
        if (errors.Count > 0) return new(null, errors.ToDictionary());

        var report = new HoursReport(accountId, organization!.Id, input.Date!.Value, AttendanceHours.Round(input.Hours!.Value), description, input.Fields, now);
        db.HoursReports.Add(report);
        var admins = await db.Memberships.AsNoTracking()
            .Where(m => m.OrganizationId == organization.Id && m.Role == MembershipRole.Admin).Select(m => m.AccountId).ToListAsync(cancellationToken);
        var detail = string.Create(CultureInfo.InvariantCulture, $"{report.Date:yyyy-MM-dd} {report.Hours:0.##}h: {Shorten(description)}");
        foreach (var admin in admins)
            db.Notifications.Add(new Notification(admin, NotificationKind.HoursReported, organization.Name, detail, $"/organizations/{organization.Id}/hours", now));
        await db.SaveChangesAsync(cancellationToken);
        return new(report, new Dictionary<string, string[]>());
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200];
}
