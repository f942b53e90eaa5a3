using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Engagement;
using Tsunagari.Features.Engagement.Attendance;
using Tsunagari.Tests.Features.Opportunities;

namespace Tsunagari.Tests.Features.Engagement;

public sealed class RecordTests(TestApp app) : IClassFixture<TestApp>
{
    private static readonly int[] WelfareAndChildren = [2, 13];
    private static readonly JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Tsunagari.Platform.JapanTime.Zone).DateTime);

    /// <summary>Attended twice with one organization (2 h and 1.5 h), approved hours (3 h) with another, and a pending report that does not count.</summary>
    private async Task<(HttpClient Person, Guid PersonId, AttendanceData.Occasion First, Guid SecondOrganization, HttpClient SecondAdmin)> HistoryAsync(string name)
    {
        var first = await AttendanceData.EventAsync(app, name + "の会");
        var (person, personId) = await AttendanceData.PersonAsync(app, name);
        var a = await AttendanceData.SignUpAsync(app, first, personId);
        var again = new AttendanceData.Occasion(first.Admin, first.OrganizationId,
            await OpportunityData.AddAsync(app, first.OrganizationId, OpportunityData.Details(name + "の二回目", DateTimeOffset.UtcNow.AddMinutes(-10))));
        var b = await AttendanceData.SignUpAsync(app, again, personId);
        Assert.Equal(HttpStatusCode.OK, (await first.Admin.PutAsync(new Uri($"/api/v1/signups/{a}/hours", UriKind.Relative), JsonContent(new { hours = 2 }))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.Admin.PutAsync(new Uri($"/api/v1/signups/{b}/hours", UriKind.Relative), JsonContent(new { hours = 1.5 }))).StatusCode);
        var (secondAdmin, second) = await OpportunityData.OrgAdminAsync(app, name + "の第二の会");
        var report = await person.PostAsync(new Uri("/api/v1/me/hours", UriKind.Relative),
            JsonContent(new { organizationId = second, date = Today.AddDays(-10), hours = 3, description = "子ども食堂の調理", fields = WelfareAndChildren }));
        var reportId = JsonDocument.Parse(await report.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await secondAdmin.PostAsync(new Uri($"/api/v1/hours-reports/{reportId}/approve", UriKind.Relative), JsonContent(new { }))).StatusCode);
        await person.PostAsync(new Uri("/api/v1/me/hours", UriKind.Relative),
            JsonContent(new { organizationId = second, date = Today.AddDays(-1), hours = 5, description = "まだ確認されていない活動" }));
        return (person, personId, first, second, secondAdmin);
    }

    private static StringContent JsonContent(object value) => new(JsonSerializer.Serialize(value), System.Text.Encoding.UTF8, "application/json");

    [Fact]
    public async Task The_record_lists_activities_totals_and_stages_as_a_page_and_as_json()
    {
        var (person, personId, first, second, _) = await HistoryAsync("木村ゆい");
        // A stage with an organization the person has not been active with here, as the journey part would record it.
        var (_, third) = await OpportunityData.OrgAdminAsync(app, "まちづくり協議会");
        await AttendanceData.DbAsync(app, async db =>
        {
            db.Journeys.Add(new Journey(personId, third) { Stage = JourneyStage.CoPlanning, StageSince = DateTimeOffset.UtcNow, FirstActivityAt = DateTimeOffset.UtcNow, LastActivityAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });

        var page = await (await person.GetAsync(new Uri("/me/record", UriKind.Relative))).HtmlAsync();
        Assert.Contains("活動 3件・合計 6.5時間", page, StringComparison.Ordinal);
        Assert.Contains("木村ゆいの会の活動", page, StringComparison.Ordinal);
        Assert.Contains("子ども食堂の調理", page, StringComparison.Ordinal);
        Assert.DoesNotContain("まだ確認されていない活動", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/organizations/{first.OrganizationId}\"", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/organizations/{third}\"", page, StringComparison.Ordinal);
        Assert.Contains("参画", page, StringComparison.Ordinal);

        var json = await person.GetAsync(new Uri("/api/v1/me/record", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        var record = JsonDocument.Parse(await json.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(3, record.GetProperty("activities").GetInt32());
        Assert.Equal(6.5m, record.GetProperty("hours").GetDecimal());
        Assert.Equal(3, record.GetProperty("timeline").GetArrayLength());
        var organizations = record.GetProperty("byOrganization").EnumerateArray().ToDictionary(o => o.GetProperty("id").GetGuid());
        Assert.Equal(3.5m, organizations[first.OrganizationId].GetProperty("hours").GetDecimal());
        Assert.Equal(2, organizations[first.OrganizationId].GetProperty("activities").GetInt32());
        Assert.Equal(3m, organizations[second].GetProperty("hours").GetDecimal());
        Assert.Equal("CoPlanning", organizations[third].GetProperty("stage").GetString());
        var fields = record.GetProperty("byField").EnumerateArray().ToDictionary(f => f.GetProperty("field").GetInt32(), f => f.GetProperty("hours").GetDecimal());
        // The opportunities are in fields 2 and 13 (3.5 h); the report too (3 h).
        Assert.Equal(6.5m, fields[2]);
        Assert.Equal(6.5m, fields[13]);

        // A token works as well as the cookie; nobody else's record is reachable.
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateBrowser().GetAsync(new Uri("/api/v1/me/record", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task An_organization_issues_numbered_certificates_that_only_the_holder_and_its_admins_see()
    {
        var (person, personId, first, _, secondAdmin) = await HistoryAsync("林まこと");
        var page = $"/organizations/{first.OrganizationId}/certificates";
        var choose = await (await first.Admin.GetAsync(new Uri(page, UriKind.Relative))).HtmlAsync();
        Assert.Contains($"<option value=\"{personId}\">林まこと</option>", choose, StringComparison.Ordinal);
        var filtered = await (await first.Admin.GetAsync(new Uri($"{page}?q=%25", UriKind.Relative))).HtmlAsync();
        Assert.DoesNotContain($"<option value=\"{personId}\"", filtered, StringComparison.Ordinal);

        var from = Today.AddMonths(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var preview = await (await first.Admin.GetAsync(new Uri($"{page}?AccountId={personId}&From={from}&To={to}", UriKind.Relative))).HtmlAsync();
        Assert.Contains("活動 2件・合計 3.5時間", preview, StringComparison.Ordinal);
        var future = await (await first.Admin.GetAsync(new Uri($"{page}?AccountId={personId}&From={from}&To={Today.AddDays(3):yyyy-MM-dd}", UriKind.Relative))).HtmlAsync();
        Assert.Contains("期間の末日は今日までにしてください。", future, StringComparison.Ordinal);

        var issued = await first.Admin.PostFormAsync($"{page}?AccountId={personId}&From={from}&To={to}", new() { ["AccountId"] = personId.ToString(), ["From"] = from, ["To"] = to, ["Note"] = "高校の提出用" });
        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        var second = await first.Admin.PostFormAsync($"{page}?AccountId={personId}&From={from}&To={to}", new() { ["AccountId"] = personId.ToString(), ["From"] = from, ["To"] = to });
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var certificates = await AttendanceData.DbAsync(app, db => db.Certificates.AsNoTracking().Where(c => c.AccountId == personId).OrderBy(c => c.Number).ToListAsync());
        var year = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Tsunagari.Platform.JapanTime.Zone).Year;
        Assert.Equal([$"{year}-0001", $"{year}-0002"], certificates.Select(c => c.Number));
        Assert.Equal(("林まこと", 2, 3.5m, "高校の提出用"), (certificates[0].HolderName, certificates[0].Activities, certificates[0].Hours, certificates[0].Note));
        Assert.Equal(2, await AttendanceData.DbAsync(app, db => db.Notifications.CountAsync(n => n.AccountId == personId && n.Kind == NotificationKind.CertificateIssued)));

        // Nobody who has not attended can be certified.
        var (_, strangerId) = await AttendanceData.PersonAsync(app, "知らない人");
        var refused = await first.Admin.PostFormAsync(page, new() { ["AccountId"] = strangerId.ToString(), ["From"] = from, ["To"] = to });
        Assert.Contains("証明書を受け取る人を選んでください。", await refused.HtmlAsync(), StringComparison.Ordinal);

        var url = new Uri($"/certificates/{certificates[0].Id}", UriKind.Relative);
        var printed = await (await person.GetAsync(url)).HtmlAsync();
        Assert.Contains("<h1>活動証明書</h1>", printed, StringComparison.Ordinal);
        Assert.Contains($"{year}-0001", printed, StringComparison.Ordinal);
        Assert.Contains("林まことの会", printed, StringComparison.Ordinal);
        Assert.Contains("3.5時間", printed, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await first.Admin.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secondAdmin.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignInAsync(Roles.Resident)).GetAsync(url)).StatusCode);
        Assert.Contains($"{year}-0002", await (await person.GetAsync(new Uri("/me/record", UriKind.Relative))).HtmlAsync(), StringComparison.Ordinal);
        AttendanceTests.AssertRefused(await secondAdmin.GetAsync(new Uri(page, UriKind.Relative)));

        // Personal data: exported, then erased with the account's other data.
        await using var scope = app.Scope();
        var personal = scope.ServiceProvider.GetServices<IPersonalData>().OfType<AttendancePersonalData>().Single();
        var export = JsonSerializer.Serialize(await personal.ExportAsync(personId, TestContext.Current.CancellationToken), Readable);
        Assert.Contains($"{year}-0001", export, StringComparison.Ordinal);
        Assert.Contains("子ども食堂の調理", export, StringComparison.Ordinal);
        await personal.EraseAsync(personId, TestContext.Current.CancellationToken);
        Assert.Equal(0, await AttendanceData.DbAsync(app, db => db.Certificates.CountAsync(c => c.AccountId == personId)));
        Assert.Equal(0, await AttendanceData.DbAsync(app, db => db.HoursReports.CountAsync(r => r.AccountId == personId)));
    }
}
