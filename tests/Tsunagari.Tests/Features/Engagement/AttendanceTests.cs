using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Features.Engagement;
using Tsunagari.Features.Engagement.Attendance;
using Tsunagari.Tests.Features.Opportunities;

namespace Tsunagari.Tests.Features.Engagement;

public sealed class AttendanceTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task The_roster_checks_people_in_and_out_and_records_hours_refusing_bad_input()
    {
        var e = await AttendanceData.EventAsync(app, "名簿の会");
        var (_, hanako) = await AttendanceData.PersonAsync(app, "佐藤花子");
        var (_, taro) = await AttendanceData.PersonAsync(app, "鈴木太郎");
        var confirmed = await AttendanceData.SignUpAsync(app, e, hanako);
        var waiting = await AttendanceData.SignUpAsync(app, e, taro, SignUpStatus.Waitlisted);
        var roster = $"/opportunities/{e.OpportunityId}/roster";

        var page = await (await e.Admin.GetAsync(new Uri(roster, UriKind.Relative))).HtmlAsync();
        Assert.Contains("佐藤花子", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/people/{hanako}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("鈴木太郎", page, StringComparison.Ordinal);

        var checkedIn = await e.Admin.PostFormAsync(roster, new() { ["SignUpId"] = confirmed.ToString() }, "CheckIn");
        Assert.Equal(HttpStatusCode.Redirect, checkedIn.StatusCode);
        var signUp = await AttendanceData.FindAsync(app, confirmed);
        Assert.NotNull(signUp.CheckedInAt);
        Assert.Equal(CheckInMethod.Roster, signUp.CheckInMethod);
        Assert.Contains("佐藤花子さんを出席にしました。", await (await e.Admin.GetAsync(new Uri(roster, UriKind.Relative))).HtmlAsync(), StringComparison.Ordinal);

        var again = await e.Admin.PostFormAsync(roster, new() { ["SignUpId"] = confirmed.ToString() }, "CheckIn");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("すでに出席済みです。", await again.HtmlAsync(), StringComparison.Ordinal);

        var notConfirmed = await e.Admin.PostFormAsync(roster, new() { ["SignUpId"] = waiting.ToString() }, "CheckIn");
        Assert.Contains("申し込みが確定していないため、出席にできません。", await notConfirmed.HtmlAsync(), StringComparison.Ordinal);
        Assert.Null((await AttendanceData.FindAsync(app, waiting)).CheckedInAt);

        var checkedOut = await e.Admin.PostFormAsync(roster, new() { ["SignUpId"] = confirmed.ToString() }, "CheckOut");
        Assert.Equal(HttpStatusCode.Redirect, checkedOut.StatusCode);
        signUp = await AttendanceData.FindAsync(app, confirmed);
        Assert.NotNull(signUp.CheckedOutAt);
        Assert.Equal(0m, signUp.Hours);

        foreach (var bad in new[] { "25", "0", "-1", "1e9", "NaN", "abc", "" })
        {
            var refused = await e.Admin.PostFormAsync(roster, new() { ["SignUpId"] = confirmed.ToString(), ["Hours"] = bad }, "Hours");
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("時間は0より大きく24以下で入力してください（15分単位）。", await refused.HtmlAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(0m, (await AttendanceData.FindAsync(app, confirmed)).Hours);

        var hours = await e.Admin.PostFormAsync(roster, new() { ["SignUpId"] = confirmed.ToString(), ["Hours"] = "2.6" }, "Hours");
        Assert.Equal(HttpStatusCode.Redirect, hours.StatusCode);
        signUp = await AttendanceData.FindAsync(app, confirmed);
        Assert.Equal((2.5m, CheckInMethod.Recorded), (signUp.Hours, signUp.CheckInMethod));

        // Another organization's admin sees nothing of it.
        var (other, _) = await OpportunityData.OrgAdminAsync(app, "よその会");
        AssertRefused(await other.GetAsync(new Uri(roster, UriKind.Relative)));
    }

    /// <summary>Sent to the access-denied page (signed in, but not allowed).</summary>
    internal static void AssertRefused(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/access-denied", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 0.0)]
    [InlineData(7, 0.0)]
    [InlineData(8, 0.25)]
    [InlineData(95, 1.5)]
    [InlineData(60 * 30, 24.0)]
    public void Hours_from_the_times_are_quarter_hours_capped_at_a_day(int minutes, double expected)
    {
        var start = DateTimeOffset.UtcNow;
        Assert.Equal((decimal)expected, AttendanceHours.Between(start, start.AddMinutes(minutes)));
    }

    [Fact]
    public async Task People_check_themselves_in_with_the_attendance_code_and_its_qr_code()
    {
        var e = await AttendanceData.EventAsync(app, "コードの会");
        var (browser, person) = await AttendanceData.PersonAsync(app, "山田一郎");
        var signUpId = await AttendanceData.SignUpAsync(app, e, person);
        var roster = $"/opportunities/{e.OpportunityId}/roster";

        Assert.Equal(HttpStatusCode.Redirect, (await e.Admin.PostFormAsync(roster, [], "Code")).StatusCode);
        var code = await AttendanceData.DbAsync(app, db => db.CheckInCodes.AsNoTracking().SingleAsync(c => c.OpportunityId == e.OpportunityId));
        Assert.Matches("^[0-9]{6}$", code.Code);
        Assert.Equal(SignUp.WholeOpportunity, code.Occurrence);
        var opportunity = (await OpportunityData.FindAsync(app, e.OpportunityId))!;
        Assert.Equal((opportunity.StartsAt.AddHours(-2), opportunity.EndsAt.AddHours(2)), (code.ValidFrom, code.ValidUntil));
        // Asking again keeps the same code.
        await e.Admin.PostFormAsync(roster, [], "Code");
        Assert.Equal(1, await AttendanceData.DbAsync(app, db => db.CheckInCodes.CountAsync(c => c.OpportunityId == e.OpportunityId)));

        var page = await (await e.Admin.GetAsync(new Uri(roster, UriKind.Relative))).HtmlAsync();
        Assert.Contains(code.Code, page, StringComparison.Ordinal);
        Assert.Contains($"/checkin?code={code.Code}", page, StringComparison.Ordinal);
        var qr = await e.Admin.GetAsync(new Uri($"{roster}?handler=Qr", UriKind.Relative));
        Assert.Equal("image/png", qr.Content.Headers.ContentType?.MediaType);
        AssertRefused(await browser.GetAsync(new Uri($"{roster}?handler=Qr", UriKind.Relative)));

        var form = await (await browser.GetAsync(new Uri($"/checkin?code={code.Code}", UriKind.Relative))).HtmlAsync();
        Assert.Contains($"value=\"{code.Code}\"", form, StringComparison.Ordinal);

        var wrongCode = ((int.Parse(code.Code, CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        var wrong = await browser.PostFormAsync("/checkin", new() { ["Code"] = wrongCode });
        Assert.Contains("出欠コードが正しくありません。", await wrong.HtmlAsync(), StringComparison.Ordinal);
        var garbage = await browser.PostFormAsync("/checkin", new() { ["Code"] = "12ab" });
        Assert.Contains("出欠コードは6桁の数字です。", await garbage.HtmlAsync(), StringComparison.Ordinal);

        // Full-width digits, as a Japanese keyboard types them, are digits.
        var fullWidth = string.Concat(code.Code.Select(c => (char)(c - '0' + '０')));
        var ok = await browser.PostFormAsync("/checkin", new() { ["Code"] = fullWidth });
        Assert.Contains("出席を記録しました。", await ok.HtmlAsync(), StringComparison.Ordinal);
        var signUp = await AttendanceData.FindAsync(app, signUpId);
        Assert.Equal(CheckInMethod.Code, signUp.CheckInMethod);
        Assert.NotNull(signUp.CheckedInAt);

        var twice = await browser.PostFormAsync("/checkin", new() { ["Code"] = code.Code });
        Assert.Contains("すでに出席済みです。", await twice.HtmlAsync(), StringComparison.Ordinal);

        var (stranger, _) = await AttendanceData.PersonAsync(app, "通りすがり");
        var notSignedUp = await stranger.PostFormAsync("/checkin", new() { ["Code"] = code.Code });
        Assert.Contains("この活動（この日）には申し込んでいません。", await notSignedUp.HtmlAsync(), StringComparison.Ordinal);

        var (waiting, waitingId) = await AttendanceData.PersonAsync(app, "待ち人");
        await AttendanceData.SignUpAsync(app, e, waitingId, SignUpStatus.Waitlisted);
        var notConfirmed = await waiting.PostFormAsync("/checkin", new() { ["Code"] = code.Code });
        Assert.Contains("申し込みが確定していないため、出席にできません。", await notConfirmed.HtmlAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_code_and_guessing_are_refused_and_the_api_follows_the_same_rules()
    {
        // Last week's event: its code expired two hours after it ended.
        var past = await AttendanceData.EventAsync(app, "先週の会", DateTimeOffset.UtcNow.AddDays(-7));
        var (browser, person) = await AttendanceData.PersonAsync(app, "高橋次郎");
        var signUpId = await AttendanceData.SignUpAsync(app, past, person);
        await AttendanceData.DbAsync(app, async db =>
        {
            var o = await db.Opportunities.SingleAsync(x => x.Id == past.OpportunityId);
            db.CheckInCodes.Add(new CheckInCode(o.Id, SignUp.WholeOpportunity, "424242", o.StartsAt.AddHours(-2), o.EndsAt.AddHours(2)));
            return await db.SaveChangesAsync();
        });
        var expired = await browser.PostAsJsonAsync(new Uri("/api/v1/check-in", UriKind.Relative), new { code = "424242" });
        Assert.Equal(HttpStatusCode.Conflict, expired.StatusCode);
        Assert.Contains("使える時間外", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null((await AttendanceData.FindAsync(app, signUpId)).CheckedInAt);

        // API check-in and out by the organization's admin; other admins do not find the sign-up.
        var now = await AttendanceData.EventAsync(app, "今日の会");
        var today = await AttendanceData.SignUpAsync(app, now, person);
        var (other, _) = await OpportunityData.OrgAdminAsync(app, "隣町の会");
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync(new Uri($"/api/v1/signups/{today}/check-in", UriKind.Relative), null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.PostAsync(new Uri($"/api/v1/signups/{today}/check-in", UriKind.Relative), null)).StatusCode);
        var checkOutFirst = await now.Admin.PostAsync(new Uri($"/api/v1/signups/{today}/check-out", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Conflict, checkOutFirst.StatusCode);
        var checkIn = await now.Admin.PostAsync(new Uri($"/api/v1/signups/{today}/check-in", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, checkIn.StatusCode);
        Assert.Equal("Roster", JsonDocument.Parse(await checkIn.Content.ReadAsStringAsync()).RootElement.GetProperty("checkInMethod").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await now.Admin.PostAsync(new Uri($"/api/v1/signups/{today}/check-in", UriKind.Relative), null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await now.Admin.PostAsync(new Uri($"/api/v1/signups/{today}/check-out", UriKind.Relative), null)).StatusCode);
        foreach (var bad in new object[] { new { hours = 25 }, new { hours = 0 }, new { hours = -3 }, new { hours = 1e9 }, new { } })
        {
            var refused = await now.Admin.PutAsJsonAsync(new Uri($"/api/v1/signups/{today}/hours", UriKind.Relative), bad);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("時間は0より大きく24以下", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using (var nan = new StringContent("{\"hours\":\"NaN\"}", System.Text.Encoding.UTF8, "application/json"))
            Assert.Equal(HttpStatusCode.BadRequest, (await now.Admin.PutAsync(new Uri($"/api/v1/signups/{today}/hours", UriKind.Relative), nan)).StatusCode);
        var set = await now.Admin.PutAsJsonAsync(new Uri($"/api/v1/signups/{today}/hours", UriKind.Relative), new { hours = 3.25 });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(3.25m, (await AttendanceData.FindAsync(app, today)).Hours);

        // Guessing: after ten wrong codes in an hour even the right one is refused for a while.
        var guessingEvent = await AttendanceData.EventAsync(app, "当て推量の会");
        var (guesser, guesserId) = await AttendanceData.PersonAsync(app, "当て推量");
        await AttendanceData.SignUpAsync(app, guessingEvent, guesserId);
        Assert.Equal(HttpStatusCode.Redirect, (await guessingEvent.Admin.PostFormAsync($"/opportunities/{guessingEvent.OpportunityId}/roster", [], "Code")).StatusCode);
        var right = await AttendanceData.DbAsync(app, db => db.CheckInCodes.Where(c => c.OpportunityId == guessingEvent.OpportunityId).Select(c => c.Code).SingleAsync());
        for (var i = 0; i < CheckInAttempts.MaxFailures; i++)
        {
            var guess = ((int.Parse(right, CultureInfo.InvariantCulture) + 1 + i) % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
            Assert.NotEqual(HttpStatusCode.OK, (await guesser.PostAsJsonAsync(new Uri("/api/v1/check-in", UriKind.Relative), new { code = guess })).StatusCode);
        }
        var blocked = await guesser.PostAsJsonAsync(new Uri("/api/v1/check-in", UriKind.Relative), new { code = right });
        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
        Assert.Contains("しばらく入力できません", await blocked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Someone else is not held back by it.
        var (honest, honestId) = await AttendanceData.PersonAsync(app, "正直者");
        await AttendanceData.SignUpAsync(app, guessingEvent, honestId);
        var checkedIn = await honest.PostAsJsonAsync(new Uri("/api/v1/check-in", UriKind.Relative), new { code = right });
        Assert.Equal(HttpStatusCode.OK, checkedIn.StatusCode);
    }

    [Fact]
    public async Task The_roster_of_a_recurring_opportunity_shows_the_chosen_occurrence()
    {
        var start = OpportunityData.NextSaturday();
        var e = await AttendanceData.EventAsync(app, "毎週の会", start, "FREQ=WEEKLY;BYDAY=SA");
        var first = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, Tsunagari.Platform.JapanTime.Zone).DateTime);
        var second = first.AddDays(7);
        var (_, a) = await AttendanceData.PersonAsync(app, "第一週の人");
        var (_, b) = await AttendanceData.PersonAsync(app, "第二週の人");
        await AttendanceData.SignUpAsync(app, e, a, occurrence: first, seat: 1);
        await AttendanceData.SignUpAsync(app, e, b, occurrence: second, seat: 1);

        var nearest = await (await e.Admin.GetAsync(new Uri($"/opportunities/{e.OpportunityId}/roster", UriKind.Relative))).HtmlAsync();
        Assert.Contains("第一週の人", nearest, StringComparison.Ordinal);
        Assert.DoesNotContain("第二週の人", nearest, StringComparison.Ordinal);
        var chosen = await (await e.Admin.GetAsync(new Uri($"/opportunities/{e.OpportunityId}/roster?occurrence={second:yyyy-MM-dd}", UriKind.Relative))).HtmlAsync();
        Assert.Contains("第二週の人", chosen, StringComparison.Ordinal);
        Assert.DoesNotContain("第一週の人", chosen, StringComparison.Ordinal);
        var none = await (await e.Admin.GetAsync(new Uri($"/opportunities/{e.OpportunityId}/roster?occurrence={second.AddDays(1):yyyy-MM-dd}", UriKind.Relative))).HtmlAsync();
        Assert.Contains("この日には活動がありません。", none, StringComparison.Ordinal);
    }
}
