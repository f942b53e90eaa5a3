using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Engagement;
using Tsunagari.Features.Opportunities;
using Tsunagari.Features.Organizations;
using Tsunagari.Tests.Features.Opportunities;

namespace Tsunagari.Tests.Features.Engagement;

public sealed class SignUpsTests(TestApp app) : IClassFixture<TestApp>
{
    private static readonly JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private async Task<Guid> AdminIdAsync(Guid organizationId)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Memberships
            .Where(m => m.OrganizationId == organizationId && m.Role == MembershipRole.Admin).Select(m => m.AccountId).FirstAsync();
    }

    [Fact]
    public async Task The_edit_form_and_the_API_save_approval_and_questions_within_limits()
    {
        var (admin, orgId) = await OpportunityData.OrgAdminAsync(app, "規則の会");
        var id = await SignUpData.OpportunityAsync(app, orgId, 10);
        var page = await (await admin.GetAsync(new Uri($"/opportunities/{id}/edit", UriKind.Relative))).HtmlAsync();
        Assert.Contains("name=\"Input.RequiresApproval\"", page, StringComparison.Ordinal);
        var opportunity = (await OpportunityData.FindAsync(app, id))!;
        var form = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Input.Title"] = "承認制の清掃",
            ["Input.MunicipalityCode"] = OpportunityData.ChuoWard,
            ["Input.VenueName"] = "中央公民館",
            ["Input.Start"] = TimeZoneInfo.ConvertTime(opportunity.StartsAt, Tsunagari.Platform.JapanTime.Zone).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
            ["Input.End"] = TimeZoneInfo.ConvertTime(opportunity.EndsAt, Tsunagari.Platform.JapanTime.Zone).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
            ["Input.Repeat"] = "none",
            ["Input.Capacity"] = "10",
            ["Input.RequiresApproval"] = "true",
            ["Input.SignUpQuestions[0]"] = "参加の動機を教えてください",
            ["Input.SignUpQuestions[1]"] = "",
            ["Input.SignUpQuestions[2]"] = new string('長', Opportunity.MaxQuestionLength + 1),
        };
        var refused = await admin.PostFormAsync($"/opportunities/{id}/edit", form);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains($"申込時の質問は1つ{Opportunity.MaxQuestionLength}文字以内で入力してください。", await refused.HtmlAsync(), StringComparison.Ordinal);

        form["Input.SignUpQuestions[2]"] = "アレルギーはありますか";
        var saved = await admin.PostFormAsync($"/opportunities/{id}/edit", form);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        opportunity = (await OpportunityData.FindAsync(app, id))!;
        Assert.True(opportunity.RequiresApproval);
        Assert.Equal(["参加の動機を教えてください", "アレルギーはありますか"], opportunity.SignUpQuestions);

        var api = await admin.PutAsJsonAsync($"/api/v1/opportunities/{id}", new
        {
            title = "承認制の清掃",
            municipalityCode = OpportunityData.ChuoWard,
            venueName = "中央公民館",
            start = opportunity.StartsAt,
            end = opportunity.EndsAt,
            requiresApproval = false,
            signUpQuestions = Enumerable.Range(1, Opportunity.MaxSignUpQuestions + 1).Select(i => $"質問 {i}").ToArray(),
        });
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Contains($"申込時の質問は{Opportunity.MaxSignUpQuestions}個までにしてください。", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_up_on_the_page_waitlists_when_full_and_a_cancellation_promotes_the_next_person()
    {
        var (_, orgId) = await OpportunityData.OrgAdminAsync(app, "定員の会");
        var adminId = await AdminIdAsync(orgId);
        var id = await SignUpData.OpportunityAsync(app, orgId, capacity: 1);
        var (first, firstId) = await SignUpData.ResidentAsync(app);
        var (second, secondId) = await SignUpData.ResidentAsync(app);

        var details = await (await first.GetAsync(new Uri($"/opportunities/{id}", UriKind.Relative))).HtmlAsync();
        Assert.Contains("1人（定員1人）", details, StringComparison.Ordinal);
        var done = await first.PostFormAsync($"/opportunities/{id}/signup", []);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var after = await (await first.GetAsync(new Uri($"/opportunities/{id}", UriKind.Relative))).HtmlAsync();
        Assert.Contains("申し込みました。参加が確定しています。", after, StringComparison.Ordinal);
        Assert.Contains("0人（定員1人）", after, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await second.PostFormAsync($"/opportunities/{id}/signup", [])).StatusCode);
        var signUps = await SignUpData.SignUpsAsync(app, id);
        Assert.Equal(SignUpStatus.Confirmed, signUps.Single(s => s.AccountId == firstId).Status);
        Assert.Equal(1, signUps.Single(s => s.AccountId == firstId).Seat);
        Assert.Equal(SignUpStatus.Waitlisted, signUps.Single(s => s.AccountId == secondId).Status);
        Assert.Contains("キャンセル待ち1番目", await (await second.GetAsync(new Uri("/me/signups", UriKind.Relative))).HtmlAsync(), StringComparison.Ordinal);

        // Signing up twice is refused on the page, with what was entered kept.
        var again = await first.PostFormAsync($"/opportunities/{id}/signup", []);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("この活動（この日）にはすでに申し込んでいます。", await again.HtmlAsync(), StringComparison.Ordinal);

        var firstSignUp = signUps.Single(s => s.AccountId == firstId).Id;
        var cancelled = await first.PostFormAsync("/me/signups", new() { ["SignUpId"] = firstSignUp.ToString(), ["Reason"] = "" }, "Cancel");
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        signUps = await SignUpData.SignUpsAsync(app, id);
        Assert.Equal(SignUpStatus.Cancelled, signUps.Single(s => s.AccountId == firstId).Status);
        Assert.Null(signUps.Single(s => s.AccountId == firstId).Seat);
        Assert.Equal(SignUpStatus.Confirmed, signUps.Single(s => s.AccountId == secondId).Status);
        Assert.Equal(1, signUps.Single(s => s.AccountId == secondId).Seat);

        Assert.Contains(NotificationKind.SignUpConfirmed, (await SignUpData.NotificationsAsync(app, firstId)).Select(n => n.Kind));
        Assert.Equal([NotificationKind.Waitlisted, NotificationKind.PromotedFromWaitlist], (await SignUpData.NotificationsAsync(app, secondId)).OrderBy(n => n.CreatedAt).Select(n => n.Kind));
        var adminKinds = (await SignUpData.NotificationsAsync(app, adminId)).Select(n => n.Kind).ToList();
        Assert.Equal(2, adminKinds.Count(k => k == NotificationKind.NewSignUp));
        Assert.Contains(NotificationKind.CancelledByParticipant, adminKinds);

        // A cancelled sign-up comes back to life on signing up again: the same row, now waitlisted behind nobody.
        Assert.Equal(HttpStatusCode.Redirect, (await first.PostFormAsync($"/opportunities/{id}/signup", [])).StatusCode);
        signUps = await SignUpData.SignUpsAsync(app, id);
        Assert.Equal(2, signUps.Count);
        Assert.Equal(SignUpStatus.Waitlisted, signUps.Single(s => s.AccountId == firstId).Status);
    }

    [Fact]
    public async Task Admins_approve_decline_and_cancel_from_the_sign_up_list()
    {
        var (admin, orgId) = await OpportunityData.OrgAdminAsync(app, "承認の会");
        var id = await SignUpData.OpportunityAsync(app, orgId, capacity: 1, approval: true, questions: ["参加の動機"]);
        var people = new List<(HttpClient Browser, Guid Id)>();
        for (var i = 0; i < 3; i++) people.Add(await SignUpData.ResidentAsync(app));

        var missing = await people[0].Browser.PostAsJsonAsync($"/api/v1/opportunities/{id}/signups", new { answers = new List<string> { " " } });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("「参加の動機」への回答を入力してください。", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        foreach (var (browser, _) in people)
        {
            var created = await browser.PostAsJsonAsync($"/api/v1/opportunities/{id}/signups", new { answers = new List<string> { "海が好きだから" } });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            Assert.Equal("Pending", (await JsonAsync(created)).GetProperty("status").GetString());
        }

        var list = await (await admin.GetAsync(new Uri($"/opportunities/{id}/signups", UriKind.Relative))).HtmlAsync();
        Assert.Contains("海が好きだから", list, StringComparison.Ordinal);
        Assert.Contains($"href=\"/people/{people[0].Id}\"", list, StringComparison.Ordinal);
        Assert.Contains("定員を減らしても", list, StringComparison.Ordinal);
        var refused = await people[0].Browser.GetAsync(new Uri($"/opportunities/{id}/signups", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/account/access-denied", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var signUps = await SignUpData.SignUpsAsync(app, id);
        Guid Of(int i) => signUps.Single(s => s.AccountId == people[i].Id).Id;
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/opportunities/{id}/signups", new() { ["SignUpId"] = Of(0).ToString() }, "Approve")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync(new Uri($"/api/v1/signups/{Of(1)}/approve", UriKind.Relative), null)).StatusCode);
        // A participant cannot approve, even their own sign-up.
        Assert.Equal(HttpStatusCode.Forbidden, (await people[2].Browser.PostAsync(new Uri($"/api/v1/signups/{Of(2)}/approve", UriKind.Relative), null)).StatusCode);
        var noReason = await admin.PostAsJsonAsync($"/api/v1/signups/{Of(2)}/decline", new { reason = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/opportunities/{id}/signups", new() { ["SignUpId"] = Of(2).ToString(), ["Reason"] = "年齢の条件に合わないため" }, "Decline")).StatusCode);

        signUps = await SignUpData.SignUpsAsync(app, id);
        Assert.Equal((SignUpStatus.Confirmed, (int?)1), (signUps.Single(s => s.Id == Of(0)).Status, signUps.Single(s => s.Id == Of(0)).Seat));
        Assert.Equal(SignUpStatus.Waitlisted, signUps.Single(s => s.Id == Of(1)).Status);
        Assert.Equal(SignUpStatus.Declined, signUps.Single(s => s.Id == Of(2)).Status);

        // The organization cancels with a reason (required); the waitlisted person gets the seat.
        var page = await admin.PostFormAsync($"/opportunities/{id}/signups", new() { ["SignUpId"] = Of(0).ToString(), ["Reason"] = "" }, "Cancel");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("取り消しの理由を入力してください。", await page.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/v1/signups/{Of(0)}/cancel", new { reason = "人数調整のため" })).StatusCode);
        signUps = await SignUpData.SignUpsAsync(app, id);
        Assert.Equal((SignUpStatus.Cancelled, CancelledBy.Organization), (signUps.Single(s => s.Id == Of(0)).Status, signUps.Single(s => s.Id == Of(0)).CancelledBy));
        Assert.Equal((SignUpStatus.Confirmed, (int?)1), (signUps.Single(s => s.Id == Of(1)).Status, signUps.Single(s => s.Id == Of(1)).Seat));

        var kinds = (await SignUpData.NotificationsAsync(app, people[0].Id)).Select(n => n.Kind).ToList();
        Assert.Equal([NotificationKind.SignUpReceived, NotificationKind.SignUpApproved, NotificationKind.CancelledByOrganization], kinds.Order());
        var declined = (await SignUpData.NotificationsAsync(app, people[2].Id)).Single(n => n.Kind == NotificationKind.SignUpDeclined);
        Assert.Equal("年齢の条件に合わないため", declined.Detail);

        // Someone else's sign-up does not exist for a resident; another organization's admin cannot touch it either.
        Assert.Equal(HttpStatusCode.NotFound, (await people[2].Browser.PostAsJsonAsync($"/api/v1/signups/{Of(1)}/cancel", new { reason = "x" })).StatusCode);
        var (other, _) = await OpportunityData.OrgAdminAsync(app, "隣の会");
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/v1/signups/{Of(1)}/cancel", new { reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await people[2].Browser.PostFormAsync("/me/signups", new() { ["SignUpId"] = Of(1).ToString() }, "Cancel")).StatusCode);
    }

    [Fact]
    public async Task Bad_sign_ups_are_refused_with_clear_messages()
    {
        var (_, orgId) = await OpportunityData.OrgAdminAsync(app, "拒否の会");
        var (resident, _) = await SignUpData.ResidentAsync(app);
        async Task<(HttpStatusCode, string)> Post(Guid id, object body)
        {
            var r = await resident.PostAsJsonAsync($"/api/v1/opportunities/{id}/signups", body);
            return (r.StatusCode, await r.Content.ReadAsStringAsync());
        }

        var past = await SignUpData.OpportunityAsync(app, orgId, 5, deadline: DateTimeOffset.UtcNow.AddHours(-1));
        var (status, body) = await Post(past, new { });
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("申込の締切を過ぎています。", body, StringComparison.Ordinal);

        var draft = await SignUpData.OpportunityAsync(app, orgId, 5, status: OpportunityStatus.Draft);
        Assert.Equal(HttpStatusCode.NotFound, (await Post(draft, new { })).Item1);
        var cancelled = await SignUpData.OpportunityAsync(app, orgId, 5, status: OpportunityStatus.Cancelled);
        (status, body) = await Post(cancelled, new { });
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("この活動は中止になったため、申し込めません。", body, StringComparison.Ordinal);
        var closed = await SignUpData.OpportunityAsync(app, orgId, 5, status: OpportunityStatus.Closed);
        Assert.Contains("この活動は受付を終了しました。", (await Post(closed, new { })).Item2, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await Post(Guid.NewGuid(), new { })).Item1);

        var weekly = await SignUpData.OpportunityAsync(app, orgId, 1, rule: "FREQ=WEEKLY;BYDAY=SA", start: OpportunityData.NextSaturday());
        (status, body) = await Post(weekly, new { });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("参加する日を選んでください。", body, StringComparison.Ordinal);
        var friday = Tsunagari.Features.Engagement.SignUps.Seats.JapanDate(OpportunityData.NextSaturday()).AddDays(6);
        (status, body) = await Post(weekly, new { occurrence = friday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("はこの活動の今後の開催日ではありません。", body, StringComparison.Ordinal);

        // Each occurrence has its own capacity; the same date twice is a double sign-up.
        var saturday = Tsunagari.Features.Engagement.SignUps.Seats.JapanDate(OpportunityData.NextSaturday());
        var one = await resident.PostAsJsonAsync($"/api/v1/opportunities/{weekly}/signups", new { occurrence = saturday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Created, one.StatusCode);
        var json = await JsonAsync(one);
        Assert.Equal(("Confirmed", 1), (json.GetProperty("status").GetString(), json.GetProperty("seat").GetInt32()));
        var next = await resident.PostAsJsonAsync($"/api/v1/opportunities/{weekly}/signups", new { occurrence = saturday.AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        Assert.Equal(1, (await JsonAsync(next)).GetProperty("seat").GetInt32());
        (status, body) = await Post(weekly, new { occurrence = saturday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("この活動（この日）にはすでに申し込んでいます。", body, StringComparison.Ordinal);

        var mine = await JsonAsync(await resident.GetAsync(new Uri("/api/v1/me/signups", UriKind.Relative)));
        Assert.Equal(2, mine.GetArrayLength());
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateBrowser().PostAsJsonAsync($"/api/v1/opportunities/{weekly}/signups", new { })).StatusCode);

        // In English, the same refusal in English.
        var english = await SignUpData.ResidentAsync(app, "en");
        var refused = await english.Browser.PostAsJsonAsync($"/api/v1/opportunities/{past}/signups", new { });
        Assert.Contains("deadline", await refused.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Changing_or_cancelling_an_opportunity_notifies_everyone_signed_up()
    {
        var (admin, orgId) = await OpportunityData.OrgAdminAsync(app, "変更の会");
        var id = await SignUpData.OpportunityAsync(app, orgId, 5);
        var (resident, residentId) = await SignUpData.ResidentAsync(app);
        Assert.Equal(HttpStatusCode.Created, (await resident.PostAsJsonAsync($"/api/v1/opportunities/{id}/signups", new { })).StatusCode);
        var opportunity = (await OpportunityData.FindAsync(app, id))!;
        var body = new
        {
            title = opportunity.Title,
            municipalityCode = opportunity.MunicipalityCode,
            venueName = "別の公民館",
            start = opportunity.StartsAt.AddHours(1),
            end = opportunity.EndsAt.AddHours(1),
            capacity = 5,
        };
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/opportunities/{id}", body)).StatusCode);
        var changed = (await SignUpData.NotificationsAsync(app, residentId)).Single(n => n.Kind == NotificationKind.OpportunityChanged);
        Assert.Contains("別の公民館", changed.Detail, StringComparison.Ordinal);
        // Saving without a change of time or place says nothing.
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/opportunities/{id}", body)).StatusCode);
        Assert.Single(await SignUpData.NotificationsAsync(app, residentId), n => n.Kind == NotificationKind.OpportunityChanged);

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/v1/opportunities/{id}/cancel", new { reason = "台風のため" })).StatusCode);
        var cancelled = (await SignUpData.NotificationsAsync(app, residentId)).Single(n => n.Kind == NotificationKind.OpportunityCancelled);
        Assert.Equal("台風のため", cancelled.Detail);
        // The sign-up ends with the opportunity, so it no longer counts as a place held or as activity to come.
        var signUp = Assert.Single(await SignUpData.SignUpsAsync(app, id));
        Assert.Equal((SignUpStatus.Cancelled, CancelledBy.Organization, "台風のため", (int?)null), (signUp.Status, signUp.CancelledBy, signUp.CancellationReason, signUp.Seat));
    }

    [Fact]
    public async Task Raising_or_removing_the_capacity_gives_the_new_places_to_the_waitlist_in_order()
    {
        var (admin, orgId) = await OpportunityData.OrgAdminAsync(app, "増席の会");
        var id = await SignUpData.OpportunityAsync(app, orgId, capacity: 1);
        var people = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var (resident, residentId) = await SignUpData.ResidentAsync(app);
            Assert.Equal(HttpStatusCode.Created, (await resident.PostAsJsonAsync($"/api/v1/opportunities/{id}/signups", new { })).StatusCode);
            people.Add(residentId);
        }
        var opportunity = (await OpportunityData.FindAsync(app, id))!;
        object Body(int? capacity) => new { title = opportunity.Title, municipalityCode = opportunity.MunicipalityCode, venueName = opportunity.VenueName, start = opportunity.StartsAt, end = opportunity.EndsAt, capacity };
        async Task<SignUpStatus[]> StatusesAsync()
        {
            var signUps = await SignUpData.SignUpsAsync(app, id);
            return [.. people.Select(p => signUps.Single(s => s.AccountId == p).Status)];
        }
        Assert.Equal([SignUpStatus.Confirmed, SignUpStatus.Waitlisted, SignUpStatus.Waitlisted], await StatusesAsync());

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/opportunities/{id}", Body(2))).StatusCode);
        Assert.Equal([SignUpStatus.Confirmed, SignUpStatus.Confirmed, SignUpStatus.Waitlisted], await StatusesAsync());
        Assert.Equal(2, (await SignUpData.SignUpsAsync(app, id)).Single(s => s.AccountId == people[1]).Seat);
        Assert.Contains(NotificationKind.PromotedFromWaitlist, (await SignUpData.NotificationsAsync(app, people[1])).Select(n => n.Kind));
        Assert.DoesNotContain(NotificationKind.PromotedFromWaitlist, (await SignUpData.NotificationsAsync(app, people[2])).Select(n => n.Kind));

        // Lowering it takes nobody's place; removing it lets everyone in.
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/opportunities/{id}", Body(1))).StatusCode);
        Assert.Equal([SignUpStatus.Confirmed, SignUpStatus.Confirmed, SignUpStatus.Waitlisted], await StatusesAsync());
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/opportunities/{id}", Body(null))).StatusCode);
        Assert.Equal([SignUpStatus.Confirmed, SignUpStatus.Confirmed, SignUpStatus.Confirmed], await StatusesAsync());
        Assert.Null((await SignUpData.SignUpsAsync(app, id)).Single(s => s.AccountId == people[2]).Seat);
    }

    [Fact]
    public async Task Personal_data_exports_sign_ups_and_notifications_and_erasing_frees_the_seat()
    {
        var (_, orgId) = await OpportunityData.OrgAdminAsync(app, "個人情報の会");
        var id = await SignUpData.OpportunityAsync(app, orgId, capacity: 1, questions: ["連絡事項"]);
        var (leaving, leavingId) = await SignUpData.ResidentAsync(app);
        var (waiting, waitingId) = await SignUpData.ResidentAsync(app);
        Assert.Equal(HttpStatusCode.Created, (await leaving.PostAsJsonAsync($"/api/v1/opportunities/{id}/signups", new { answers = new List<string> { "よろしくお願いします" } })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await waiting.PostAsJsonAsync($"/api/v1/opportunities/{id}/signups", new { answers = new List<string> { "待ちます" } })).StatusCode);

        await using (var scope = app.Scope())
        {
            var parts = scope.ServiceProvider.GetServices<IPersonalData>().ToList();
            var exported = JsonSerializer.Serialize(await parts.Single(p => p.Section == "signUps").ExportAsync(leavingId, default), Readable);
            Assert.Contains("よろしくお願いします", exported, StringComparison.Ordinal);
            var notifications = JsonSerializer.Serialize(await parts.Single(p => p.Section == "notifications").ExportAsync(leavingId, default), Readable);
            Assert.Contains("SignUpConfirmed", notifications, StringComparison.Ordinal);

            var account = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.SingleAsync(u => u.Id == leavingId);
            var deleted = await scope.ServiceProvider.GetRequiredService<DeleteAccount>().RunAsync(account, default);
            Assert.True(deleted.Succeeded, string.Join("; ", deleted.Errors.Select(e => e.Description)));
        }
        var signUps = await SignUpData.SignUpsAsync(app, id);
        Assert.Equal((SignUpStatus.Confirmed, (int?)1), (signUps.Single().Status, signUps.Single().Seat));
        Assert.Equal(waitingId, signUps.Single().AccountId);
        Assert.Empty(await SignUpData.NotificationsAsync(app, leavingId));
    }
}
