using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Opportunities;

namespace Tsunagari.Tests.Features.Opportunities;

public sealed partial class OpportunityPagesTests(TestApp app) : IClassFixture<TestApp>
{
    private static string Local(DateTimeOffset utc) =>
        TimeZoneInfo.ConvertTime(utc, Tsunagari.Platform.JapanTime.Zone).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Form(DateTimeOffset start, DateTimeOffset end, string title = "海岸清掃ボランティア") => new(StringComparer.Ordinal)
    {
        ["Input.Title"] = title,
        ["Input.Description"] = "# 一緒に\n<script>alert(1)</script>ごみを拾いましょう。",
        ["Input.Ways[0]"] = "1",
        ["Input.Ways[1]"] = "3",
        ["Input.Fields[0]"] = "7",
        ["Input.MunicipalityCode"] = OpportunityData.ChuoWard,
        ["Input.IsOnline"] = "false",
        ["Input.VenueName"] = "千葉中央公園",
        ["Input.VenueAddress"] = "千葉市中央区中央1丁目",
        ["Input.Start"] = Local(start),
        ["Input.End"] = Local(end),
        ["Input.Repeat"] = "weekly",
        ["Input.Weekdays[0]"] = "SA",
        ["Input.Exceptions"] = "",
        ["Input.FeeYen"] = "0",
        ["Input.Capacity"] = "30",
        ["Input.Languages"] = "ja, en",
        ["Input.MinAge"] = "10",
        ["Input.MaxAge"] = "70",
        ["Input.Accessibility[0]"] = nameof(AccessibilityFeatures.Wheelchair),
        ["Input.Accessibility[1]"] = nameof(AccessibilityFeatures.SignLanguage),
    };

    [Fact]
    public async Task Default_ways_are_seeded_once_and_a_prefecture_admin_adds_one()
    {
        await using (var scope = app.Scope())
        {
            foreach (var seed in scope.ServiceProvider.GetServices<Tsunagari.Features.ISeed>()) await seed.RunAsync();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(DefaultWays.All.Select(w => w.Key).Order(StringComparer.Ordinal), (await db.WaysToTakePart.Select(w => w.Key).ToListAsync()).Where(k => DefaultWays.All.Any(d => d.Key == k)).Order(StringComparer.Ordinal));
        }
        var resident = await app.SignInAsync(Roles.Resident);
        var denied = await resident.GetAsync(new Uri("/opportunities/ways", UriKind.Relative));
        Assert.True(denied.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect);
        Assert.NotEqual(HttpStatusCode.OK, denied.StatusCode);

        var admin = await app.SignInAsync(Roles.PrefectureAdmin);
        var list = await (await admin.GetAsync(new Uri("/opportunities/ways", UriKind.Relative))).HtmlAsync();
        Assert.Contains("気軽に体験", list, StringComparison.Ordinal);
        Assert.Contains("src=\"/icons/sparkle.svg\" alt=\"\" aria-hidden=\"true\"", list, StringComparison.Ordinal);

        var bad = await admin.PostFormAsync("/opportunities/ways/edit", new() { ["Input.Key"] = "Night Owl", ["Input.Name"] = "夜型", ["Input.NameEn"] = "Night owls", ["Input.Icon"] = "moon", ["Input.SortOrder"] = "200" });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("キーは半角の英小文字・数字・ハイフンで50文字以内にしてください。", await bad.HtmlAsync(), StringComparison.Ordinal);
        var taken = await admin.PostFormAsync("/opportunities/ways/edit", new() { ["Input.Key"] = "weekend", ["Input.Name"] = "夜型", ["Input.NameEn"] = "Night owls", ["Input.Icon"] = "moon", ["Input.SortOrder"] = "200" });
        Assert.Contains("同じキーの関わり方がすでにあります。", await taken.HtmlAsync(), StringComparison.Ordinal);

        var added = await admin.PostFormAsync("/opportunities/ways/edit", new() { ["Input.Key"] = "night-owl", ["Input.Name"] = "夜型", ["Input.NameEn"] = "Night owls", ["Input.Icon"] = "moon", ["Input.SortOrder"] = "200" });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        await using (var scope = app.Scope())
        {
            var way = await scope.ServiceProvider.GetRequiredService<AppDbContext>().WaysToTakePart.SingleAsync(w => w.Key == "night-owl");
            Assert.Equal(("夜型", "Night owls", "moon", 200), (way.Name, way.NameEn, way.Icon, way.SortOrder));
            var edited = await admin.PostFormAsync($"/opportunities/ways/edit/{way.Id}", new() { ["Input.Name"] = "夜に参加", ["Input.NameEn"] = "At night", ["Input.Icon"] = "moon", ["Input.SortOrder"] = "5" });
            Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        }
    }

    [Fact]
    public async Task An_org_admin_creates_edits_publishes_and_cancels_an_opportunity()
    {
        var (admin, orgId) = await OpportunityData.OrgAdminAsync(app);
        var start = OpportunityData.NextSaturday();
        var created = await admin.PostFormAsync($"/organizations/{orgId}/opportunities/new", Form(start, start.AddHours(2)));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = Guid.Parse(created.Headers.Location!.OriginalString.Split('/')[^1]);
        var saved = (await OpportunityData.FindAsync(app, id))!;
        Assert.Equal(OpportunityStatus.Draft, saved.Status);
        Assert.Equal(start, saved.StartsAt);
        Assert.Equal("FREQ=WEEKLY;BYDAY=SA", saved.RecurrenceRule);
        Assert.Equal(0m, saved.FeeYen);
        Assert.Equal(AccessibilityFeatures.Wheelchair | AccessibilityFeatures.SignLanguage, saved.Accessibility);

        // A draft is not public, not even its calendar.
        var anonymous = app.CreateBrowser();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri($"/opportunities/{id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri($"/opportunities/{id}.ics", UriKind.Relative))).StatusCode);
        var list = await (await admin.GetAsync(new Uri($"/organizations/{orgId}/opportunities", UriKind.Relative))).HtmlAsync();
        Assert.Contains("海岸清掃ボランティア", list, StringComparison.Ordinal);
        Assert.Contains("下書き", list, StringComparison.Ordinal);

        var form = Form(start, start.AddHours(3), "海岸清掃ボランティア（毎週）");
        form["Input.Exceptions"] = TimeZoneInfo.ConvertTime(start.AddDays(7), Tsunagari.Platform.JapanTime.Zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var edited = await admin.PostFormAsync($"/opportunities/{id}/edit", form);
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Single((await OpportunityData.FindAsync(app, id))!.RecurrenceExceptions);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/opportunities/{id}", [], "Publish")).StatusCode);
        var again = await admin.PostFormAsync($"/opportunities/{id}", [], "Publish");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("公開できるのは下書きの活動だけです", await again.HtmlAsync(), StringComparison.Ordinal);

        var page = await anonymous.GetAsync(new Uri($"/opportunities/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var raw = await page.Content.ReadAsStringAsync();
        var html = WebUtility.HtmlDecode(raw);
        Assert.Contains("<h1>海岸清掃ボランティア（毎週）</h1>", html, StringComparison.Ordinal);
        Assert.Contains("毎週 土曜日", html, StringComparison.Ordinal);
        Assert.Contains("車いすで参加できる", html, StringComparison.Ordinal);
        Assert.Contains("手話通訳あり", html, StringComparison.Ordinal);
        Assert.Contains("気軽に体験", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/organizations/{orgId}\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/opportunities/{id}.ics\"", html, StringComparison.Ordinal);
        Assert.Contains("カレンダーに追加", html, StringComparison.Ordinal);
        Assert.Contains("property=\"og:title\" content=\"海岸清掃ボランティア（毎週）\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", raw, StringComparison.Ordinal);
        Assert.Contains("無料", html, StringComparison.Ordinal);

        var match = JsonLd().Match(raw);
        Assert.True(match.Success, raw[..Math.Min(raw.Length, 4000)]);
        var ld = JsonDocument.Parse(match.Groups[1].Value).RootElement;
        Assert.Equal("Event", ld.GetProperty("@type").GetString());
        Assert.Equal("https://schema.org/EventScheduled", ld.GetProperty("eventStatus").GetString());
        Assert.Equal("https://schema.org/OfflineEventAttendanceMode", ld.GetProperty("eventAttendanceMode").GetString());
        Assert.EndsWith("+09:00", ld.GetProperty("startDate").GetString(), StringComparison.Ordinal);
        Assert.Equal("つながり子ども食堂", ld.GetProperty("organizer").GetProperty("name").GetString());
        Assert.Equal("Place", ld.GetProperty("location").GetProperty("@type").GetString());

        var noReason = await admin.PostFormAsync($"/opportunities/{id}", new() { ["CancellationReason"] = " " }, "Cancel");
        Assert.Contains("中止の理由を入力してください。", await noReason.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/opportunities/{id}", new() { ["CancellationReason"] = "台風のため" }, "Cancel")).StatusCode);
        var cancelled = await (await anonymous.GetAsync(new Uri($"/opportunities/{id}", UriKind.Relative))).HtmlAsync();
        Assert.Contains("この活動は中止になりました。", cancelled, StringComparison.Ordinal);
        Assert.Contains("台風のため", cancelled, StringComparison.Ordinal);
        Assert.Contains("EventCancelled", cancelled, StringComparison.Ordinal);
        var close = await admin.PostFormAsync($"/opportunities/{id}", [], "Close");
        Assert.Contains("受付を終了できるのは公開中の活動だけです", await close.HtmlAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_organizations_admins_may_create_or_edit()
    {
        var (_, orgId) = await OpportunityData.OrgAdminAsync(app);
        var id = await OpportunityData.AddAsync(app, orgId, OpportunityData.Details("朝市の手伝い", OpportunityData.NextSaturday()));
        var anonymous = app.CreateBrowser();
        var login = await anonymous.GetAsync(new Uri($"/organizations/{orgId}/opportunities/new", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.StartsWith("/account/login", login.Headers.Location!.AbsolutePath, StringComparison.Ordinal);

        var other = await app.SignInAsync(Roles.Resident);
        foreach (var url in new[] { $"/organizations/{orgId}/opportunities/new", $"/opportunities/{id}/edit", $"/organizations/{orgId}/opportunities" })
        {
            var response = await other.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden || response.Headers.Location?.OriginalString.Contains("access-denied", StringComparison.Ordinal) == true, $"{url}: {response.StatusCode}");
        }
        var page = await (await other.GetAsync(new Uri($"/opportunities/{id}", UriKind.Relative))).HtmlAsync();
        Assert.DoesNotContain("公開する</button>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("中止する</button>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_input_is_refused_with_localized_messages_and_nothing_saved()
    {
        var (admin, orgId) = await OpportunityData.OrgAdminAsync(app, "検証の会");
        var start = OpportunityData.NextSaturday();
        var form = Form(start, start.AddHours(-1), "検証用の活動");
        form["Input.Repeat"] = "custom";
        form["Input.CustomRule"] = "FREQ=SOMETIMES";
        form["Input.FeeYen"] = "-100";
        form["Input.MinAge"] = "60";
        form["Input.MaxAge"] = "20";
        form["Input.Latitude"] = "123";
        form["Input.Longitude"] = "140";
        var response = await admin.PostFormAsync($"/organizations/{orgId}/opportunities/new", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains("終了日時は開始日時より後にしてください。", html, StringComparison.Ordinal);
        Assert.Contains("繰り返しのルール「FREQ=SOMETIMES」は RFC 5545 の RRULE として正しくありません。", html, StringComparison.Ordinal);
        Assert.Contains("参加費は0以上の整数（円）で入力してください。", html, StringComparison.Ordinal);
        Assert.Contains("年齢の上限は下限以上にしてください。", html, StringComparison.Ordinal);
        Assert.Contains("緯度は-90から90までの数で入力してください。", html, StringComparison.Ordinal);
        Assert.Contains("value=\"検証用の活動\"", html, StringComparison.Ordinal);

        var english = await OpportunityData.OrgAdminAsync(app, "English club", "en");
        var en = await english.Browser.PostFormAsync($"/organizations/{english.OrganizationId}/opportunities/new", form);
        var enHtml = await en.HtmlAsync();
        Assert.Contains("The end must be after the start.", enHtml, StringComparison.Ordinal);
        Assert.Contains("Create an opportunity", enHtml, StringComparison.Ordinal);

        await using var scope = app.Scope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().Opportunities.AnyAsync(o => o.Title == "検証用の活動"));
    }

    [Fact]
    public async Task The_public_page_is_in_English_with_place_names_in_Japanese()
    {
        var (_, orgId) = await OpportunityData.OrgAdminAsync(app, "英語の会");
        var id = await OpportunityData.AddAsync(app, orgId, OpportunityData.Details("英会話カフェ", OpportunityData.NextSaturday(), "FREQ=MONTHLY;BYDAY=2SA"));
        var html = await (await app.CreateBrowser("en").GetAsync(new Uri($"/opportunities/{id}", UriKind.Relative))).HtmlAsync();
        Assert.Contains("Add to calendar", html, StringComparison.Ordinal);
        Assert.Contains("Monthly on the 2nd Saturday", html, StringComparison.Ordinal);
        Assert.Contains("Wheelchair accessible", html, StringComparison.Ordinal);
        Assert.Contains("Try it once", html, StringComparison.Ordinal);
        Assert.Contains("<span lang=\"ja\">中央区</span>", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("<script type=\"application/ld\\+json\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex JsonLd();
}
