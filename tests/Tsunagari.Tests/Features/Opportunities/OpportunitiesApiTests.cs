using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tsunagari.Features.Accounts;

namespace Tsunagari.Tests.Features.Opportunities;

public sealed class OpportunitiesApiTests(TestApp app) : IClassFixture<TestApp>
{
    private static object Body(string title, DateTime start, DateTime end, string? rule = null, decimal fee = 1000) => new
    {
        title,
        description = "API から作成",
        fields = new[] { 2 },
        ways = new[] { 5 },
        municipalityCode = OpportunityData.Funabashi,
        isOnline = true,
        start,
        end,
        repeat = rule is null ? "none" : "custom",
        customRule = rule,
        feeYen = fee,
        languages = "ja",
        accessibility = new[] { 64 },
    };

    [Fact]
    public async Task An_org_admin_creates_updates_publishes_and_cancels_through_the_API()
    {
        var (admin, orgId) = await OpportunityData.OrgAdminAsync(app, "API の会");
        var start = DateTime.SpecifyKind(DateTime.Today.AddDays(10).AddHours(19), DateTimeKind.Unspecified);

        var invalid = await admin.PostAsJsonAsync($"/api/v1/organizations/{orgId}/opportunities", Body("", start, start.AddHours(-1), "FREQ=SOMETIMES", -5));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var problem = await invalid.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.Equal("タイトルを入力してください。", errors.GetProperty("Title")[0].GetString());
        Assert.Equal("終了日時は開始日時より後にしてください。", errors.GetProperty("End")[0].GetString());
        Assert.True(errors.TryGetProperty("CustomRule", out _));
        Assert.True(errors.TryGetProperty("FeeYen", out _));

        var created = await admin.PostAsJsonAsync($"/api/v1/organizations/{orgId}/opportunities", Body("オンライン勉強会", start, start.AddHours(1)));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var item = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = item.GetProperty("id").GetGuid();
        Assert.Equal("draft", item.GetProperty("status").GetString());
        Assert.Equal(new DateTimeOffset(start, TimeSpan.FromHours(9)), item.GetProperty("start").GetDateTimeOffset());
        Assert.Equal(["online"], item.GetProperty("ways").EnumerateArray().Select(w => w.GetString()));

        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateBrowser().GetAsync(new Uri($"/api/v1/opportunities/{id}", UriKind.Relative))).StatusCode);

        var updated = await admin.PutAsJsonAsync($"/api/v1/opportunities/{id}", Body("オンライン勉強会（毎週）", start, start.AddHours(1), "FREQ=WEEKLY;BYDAY=WE"));
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal("FREQ=WEEKLY;BYDAY=WE", (await updated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("recurrenceRule").GetString());

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync(new Uri($"/api/v1/opportunities/{id}/publish", UriKind.Relative), null)).StatusCode);
        var twice = await admin.PostAsync(new Uri($"/api/v1/opportunities/{id}/publish", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("application/problem+json", twice.Content.Headers.ContentType!.MediaType);

        var got = await app.CreateBrowser().GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/opportunities/{id}", UriKind.Relative));
        Assert.Equal("オンライン勉強会（毎週）", got.GetProperty("title").GetString());
        Assert.Equal("API の会", got.GetProperty("organizationName").GetString());

        var other = await app.SignInAsync(Roles.Resident);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsJsonAsync($"/api/v1/opportunities/{id}/cancel", new { reason = "勝手に" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsJsonAsync($"/api/v1/organizations/{orgId}/opportunities", Body("乗っ取り", start, start.AddHours(1)))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateBrowser().PostAsJsonAsync($"/api/v1/opportunities/{id}/cancel", new { reason = "x" })).StatusCode);

        var cancelled = await admin.PostAsJsonAsync($"/api/v1/opportunities/{id}/cancel", new { reason = "講師の体調不良" });
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("cancelled", (await cancelled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateBrowser().GetAsync(new Uri($"/api/v1/opportunities/{Guid.NewGuid()}", UriKind.Relative))).StatusCode);
    }
}
