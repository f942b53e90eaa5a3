using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Features.Engagement;
using Tsunagari.Tests.Features.Opportunities;

namespace Tsunagari.Tests.Features.Engagement;

public sealed class HoursTests(TestApp app) : IClassFixture<TestApp>
{
    private static readonly int[] EnvironmentAndWelfare = [7, 2];
    private static readonly int[] NoSuchField = [99];

    private static string Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Tsunagari.Platform.JapanTime.Zone).DateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string DaysAgo(int days) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Tsunagari.Platform.JapanTime.Zone).DateTime).AddDays(-days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Form(Guid organizationId, string date, string hours, string description = "公園の花壇の手入れ") => new(StringComparer.Ordinal)
    {
        ["Input.OrganizationId"] = organizationId.ToString(),
        ["Input.Date"] = date,
        ["Input.Hours"] = hours,
        ["Input.Description"] = description,
        ["Input.Fields"] = "7",
    };

    [Fact]
    public async Task A_person_reports_hours_and_the_organization_approves_or_rejects_them()
    {
        var (admin, organizationId) = await OpportunityData.OrgAdminAsync(app, "花壇の会");
        var (person, personId) = await AttendanceData.PersonAsync(app, "伊藤さくら");
        var page = $"/me/hours?organizationId={organizationId}";

        var chosen = await (await person.GetAsync(new Uri(page, UriKind.Relative))).HtmlAsync();
        Assert.Contains("花壇の会", chosen, StringComparison.Ordinal);
        Assert.Contains("目的:", chosen, StringComparison.Ordinal);

        var bad = new (string Date, string Hours, string Message)[]
        {
            (DaysAgo(-1), "2", "まだ来ていない日の時間は報告できません。"),
            (DaysAgo(400), "2", "1年以上前の活動は報告できません。"),
            (Today, "25", "時間は0より大きく24以下で入力してください（15分単位）。"),
            (Today, "0", "時間は0より大きく24以下で入力してください（15分単位）。"),
            (Today, "-2", "時間は0より大きく24以下で入力してください（15分単位）。"),
            (Today, "1e9", "時間は0より大きく24以下で入力してください（15分単位）。"),
            ("", "2", "活動した日を入力してください。"),
        };
        foreach (var (date, hours, message) in bad)
        {
            var refused = await person.PostFormAsync(page, Form(organizationId, date, hours));
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var html = await refused.HtmlAsync();
            Assert.Contains(message, html, StringComparison.Ordinal);
            Assert.Contains("公園の花壇の手入れ", html, StringComparison.Ordinal); // what was typed is kept
        }
        var notANumber = await person.PostFormAsync(page, Form(organizationId, Today, "NaN"));
        Assert.Equal(HttpStatusCode.OK, notANumber.StatusCode);
        Assert.Equal(0, await AttendanceData.DbAsync(app, db => db.HoursReports.CountAsync(r => r.AccountId == personId)));

        Assert.Equal(HttpStatusCode.Redirect, (await person.PostFormAsync(page, Form(organizationId, DaysAgo(3), "2.5"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await person.PostFormAsync(page, Form(organizationId, DaysAgo(2), "1", "チラシ配り"))).StatusCode);
        var reports = await AttendanceData.DbAsync(app, db => db.HoursReports.AsNoTracking().Where(r => r.AccountId == personId).OrderBy(r => r.Date).ToListAsync());
        Assert.Equal([2.5m, 1m], reports.Select(r => r.Hours));
        Assert.All(reports, r => Assert.Equal([7], r.Fields));
        var adminId = await AttendanceData.DbAsync(app, db => db.Memberships.Where(m => m.OrganizationId == organizationId).Select(m => m.AccountId).SingleAsync());
        Assert.Equal(2, await AttendanceData.DbAsync(app, db => db.Notifications.CountAsync(n => n.AccountId == adminId && n.Kind == NotificationKind.HoursReported)));
        Assert.Contains("確認待ち", await (await person.GetAsync(new Uri("/me/hours", UriKind.Relative))).HtmlAsync(), StringComparison.Ordinal);

        var orgPage = $"/organizations/{organizationId}/hours";
        var pending = await (await admin.GetAsync(new Uri(orgPage, UriKind.Relative))).HtmlAsync();
        Assert.Contains("伊藤さくら", pending, StringComparison.Ordinal);
        Assert.Contains("チラシ配り", pending, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(orgPage, new() { ["ReportId"] = reports[0].Id.ToString() }, "Approve")).StatusCode);
        var noReason = await admin.PostFormAsync(orgPage, new() { ["ReportId"] = reports[1].Id.ToString(), ["Note"] = " " }, "Reject");
        Assert.Contains("却下の理由を入力してください。", await noReason.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(orgPage, new() { ["ReportId"] = reports[1].Id.ToString(), ["Note"] = "当日の名簿にありませんでした" }, "Reject")).StatusCode);
        var twice = await admin.PostFormAsync(orgPage, new() { ["ReportId"] = reports[0].Id.ToString() }, "Approve");
        Assert.Contains("この報告はすでに判断されています。", await twice.HtmlAsync(), StringComparison.Ordinal);

        var decided = await AttendanceData.DbAsync(app, db => db.HoursReports.AsNoTracking().Where(r => r.AccountId == personId).OrderBy(r => r.Date).ToListAsync());
        Assert.Equal([HoursReportStatus.Approved, HoursReportStatus.Rejected], decided.Select(r => r.Status));
        Assert.Equal("当日の名簿にありませんでした", decided[1].DecisionNote);
        var told = await AttendanceData.DbAsync(app, db => db.Notifications.Where(n => n.AccountId == personId).Select(n => n.Kind).ToListAsync());
        Assert.Equal([NotificationKind.HoursApproved, NotificationKind.HoursRejected], told.Order());
        Assert.Contains("当日の名簿にありませんでした", await (await person.GetAsync(new Uri("/me/hours", UriKind.Relative))).HtmlAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_organizations_admin_cannot_decide_and_the_api_follows_the_same_rules()
    {
        var (admin, organizationId) = await OpportunityData.OrgAdminAsync(app, "川の会");
        var (otherAdmin, otherOrganizationId) = await OpportunityData.OrgAdminAsync(app, "山の会");
        var (person, _) = await AttendanceData.PersonAsync(app, "中村みどり");

        foreach (var bad in new object[]
        {
            new { organizationId, date = DaysAgo(-2), hours = 2, description = "清掃" },
            new { organizationId, date = DaysAgo(1), hours = 25, description = "清掃" },
            new { organizationId, date = DaysAgo(1), hours = 1e9, description = "清掃" },
            new { organizationId, date = DaysAgo(1), hours = 0, description = "清掃" },
            new { organizationId, date = DaysAgo(1), hours = 2, description = "" },
            new { organizationId = Guid.NewGuid(), date = DaysAgo(1), hours = 2, description = "清掃" },
            new { organizationId, date = DaysAgo(1), hours = 2, description = "清掃", fields = NoSuchField },
        })
        {
            var refused = await person.PostAsJsonAsync(new Uri("/api/v1/me/hours", UriKind.Relative), bad);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("入力内容を確認してください。", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using (var nan = new StringContent($"{{\"organizationId\":\"{organizationId}\",\"date\":\"{DaysAgo(1)}\",\"hours\":\"NaN\",\"description\":\"x\"}}", System.Text.Encoding.UTF8, "application/json"))
            Assert.Equal(HttpStatusCode.BadRequest, (await person.PostAsync(new Uri("/api/v1/me/hours", UriKind.Relative), nan)).StatusCode);

        var created = await person.PostAsJsonAsync(new Uri("/api/v1/me/hours", UriKind.Relative), new { organizationId, date = DaysAgo(1), hours = 1.75, description = "川辺の清掃", fields = EnvironmentAndWelfare });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var report = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        var id = report.GetProperty("id").GetGuid();
        Assert.Equal("Pending", report.GetProperty("status").GetString());

        // Another organization's admin, through its own page or the API, does not find the report.
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.PostFormAsync($"/organizations/{otherOrganizationId}/hours", new() { ["ReportId"] = id.ToString() }, "Approve")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.PostAsJsonAsync(new Uri($"/api/v1/hours-reports/{id}/approve", UriKind.Relative), new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await person.PostAsJsonAsync(new Uri($"/api/v1/hours-reports/{id}/approve", UriKind.Relative), new { })).StatusCode);
        AttendanceTests.AssertRefused(await otherAdmin.GetAsync(new Uri($"/organizations/{organizationId}/hours", UriKind.Relative)));
        Assert.Equal(HoursReportStatus.Pending, await AttendanceData.DbAsync(app, db => db.HoursReports.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));

        var noNote = await admin.PostAsJsonAsync(new Uri($"/api/v1/hours-reports/{id}/reject", UriKind.Relative), new { note = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noNote.StatusCode);
        var approved = await admin.PostAsJsonAsync(new Uri($"/api/v1/hours-reports/{id}/approve", UriKind.Relative), new { note = "ありがとうございました" });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal("Approved", JsonDocument.Parse(await approved.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync(new Uri($"/api/v1/hours-reports/{id}/reject", UriKind.Relative), new { note = "やっぱり" })).StatusCode);
    }
}
