using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Engagement;
using Tsunagari.Features.ProBono;
using Tsunagari.Platform;
using Tsunagari.Tests.Features.Opportunities;

namespace Tsunagari.Tests.Features.ProBono;

public sealed class ExpertSessionsTests(TestApp app) : IClassFixture<TestApp>
{
    /// <summary>A Japan time for a datetime-local input, some days from now.</summary>
    private static string InDays(int days, int hour = 14) =>
        TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, JapanTime.Zone).Date.AddDays(days).AddHours(hour).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    private static Dictionary<string, string> RequestForm(string topic = "寄付の会計処理について相談したい", string skill = "accounting") => new()
    {
        ["Input.Topic"] = topic,
        ["Input.Skill"] = skill,
        ["Input.Mode"] = "Online",
        ["Input.MunicipalityCode"] = "",
        ["Input.Slots[0]"] = InDays(10),
        ["Input.Slots[1]"] = InDays(12, 19),
        ["Input.Slots[2]"] = "",
        ["Input.DurationMinutes"] = "60",
    };

    private Task<ExpertSession?> FindAsync(Guid id) =>
        ProBonoData.QueryAsync(app, db => db.ExpertSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id));

    private Task<List<NotificationKind>> KindsAsync(Guid accountId) =>
        ProBonoData.QueryAsync(app, db => db.Notifications.AsNoTracking().Where(n => n.AccountId == accountId).Select(n => n.Kind).ToListAsync());

    private Task<Guid> IdOfAsync(string email) =>
        ProBonoData.QueryAsync(app, db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    /// <summary>The organization's admin asks for a session through the form; its id.</summary>
    private static async Task<Guid> RequestAsync(HttpClient admin, Guid organizationId, Dictionary<string, string>? form = null)
    {
        var response = await admin.PostFormAsync($"/organizations/{organizationId}/expert-sessions/new", form ?? RequestForm());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.OriginalString["/probono/expert-sessions/".Length..]);
    }

    private static Task<HttpResponseMessage> AssignAsync(HttpClient coordinator, Guid id, Guid professional, string slot = "1") =>
        coordinator.PostFormAsync($"/probono/expert-sessions/{id}", new() { ["professionalId"] = professional.ToString(), ["slot"] = slot }, "Assign");

    /// <summary>Moves a session's time (and its slots) into the past, as if it had taken place.</summary>
    private Task<int> MakePastAsync(Guid id) => ProBonoData.QueryAsync(app, db => db.ExpertSessions.Where(s => s.Id == id)
        .ExecuteUpdateAsync(s => s.SetProperty(x => x.StartsAt, DateTimeOffset.UtcNow.AddHours(-3)).SetProperty(x => x.Slot1, DateTimeOffset.UtcNow.AddHours(-3))));

    [Fact]
    public async Task The_whole_flow_request_assign_accept_held_and_notes()
    {
        var (admin, organizationId) = await OpportunityData.OrgAdminAsync(app, "相談の会");
        var adminId = await ProBonoData.QueryAsync(app, db => db.Memberships.Where(m => m.OrganizationId == organizationId).Select(m => m.AccountId).FirstAsync());
        // Entry points: the organization's pro bono page links the sessions.
        var challenges = await (await admin.GetAsync(new Uri($"/organizations/{organizationId}/challenges", UriKind.Relative))).HtmlAsync();
        Assert.Contains($"href=\"/organizations/{organizationId}/expert-sessions\"", challenges, StringComparison.Ordinal);

        var id = await RequestAsync(admin, organizationId);
        var session = await FindAsync(id);
        Assert.NotNull(session);
        Assert.Equal(ExpertSessionStatus.Requested, session.Status);
        Assert.Equal("accounting", session.Skill);
        Assert.Equal(60, session.DurationMinutes);
        Assert.Equal(2, session.Slots.Count);
        var list = await (await admin.GetAsync(new Uri($"/organizations/{organizationId}/expert-sessions", UriKind.Relative))).HtmlAsync();
        Assert.Contains("寄付の会計処理について相談したい", list, StringComparison.Ordinal);
        Assert.Contains("専門家を調整中", list, StringComparison.Ordinal);

        // Suggestions: level first; the conflicted, the online-refusing and the wrong skill are left out.
        var (proBrowser, pro) = await ProBonoData.ProfessionalAsync(app, "accounting", level: 3);
        var (_, junior) = await ProBonoData.ProfessionalAsync(app, "accounting", level: 1);
        var (_, designer) = await ProBonoData.ProfessionalAsync(app, "design", level: 3);
        var (_, conflicted) = await ProBonoData.ProfessionalAsync(app, "accounting", level: 3);
        var (_, offline) = await ProBonoData.ProfessionalAsync(app, "accounting", level: 3);
        await ProBonoData.QueryAsync(app, async db =>
        {
            (await db.ProBonoProfiles.SingleAsync(p => p.AccountId == conflicted)).Conflicts = [organizationId];
            (await db.ProBonoProfiles.SingleAsync(p => p.AccountId == offline)).AcceptsOnline = false;
            return await db.SaveChangesAsync();
        });
        var coordinator = await app.SignInAsync(Roles.Coordinator);
        var review = await (await coordinator.GetAsync(new Uri("/probono/review", UriKind.Relative))).HtmlAsync();
        Assert.Contains("href=\"/probono/expert-sessions\"", review, StringComparison.Ordinal);
        var queue = await (await coordinator.GetAsync(new Uri("/probono/expert-sessions", UriKind.Relative))).HtmlAsync();
        Assert.Contains($"href=\"/probono/expert-sessions/{id}\"", queue, StringComparison.Ordinal);
        var page = await (await coordinator.GetAsync(new Uri($"/probono/expert-sessions/{id}", UriKind.Relative))).HtmlAsync();
        var proAt = page.IndexOf(pro.ToString(), StringComparison.Ordinal);
        var juniorAt = page.IndexOf(junior.ToString(), StringComparison.Ordinal);
        Assert.True(proAt > 0 && juniorAt > proAt, "the level-3 professional comes before the level-1 one");
        Assert.DoesNotContain(designer.ToString(), page, StringComparison.Ordinal);
        Assert.DoesNotContain(conflicted.ToString(), page, StringComparison.Ordinal);
        Assert.DoesNotContain(offline.ToString(), page, StringComparison.Ordinal);

        // Assign the second slot.
        Assert.Equal(HttpStatusCode.Redirect, (await AssignAsync(coordinator, id, pro, "2")).StatusCode);
        session = await FindAsync(id);
        Assert.Equal(ExpertSessionStatus.Assigned, session!.Status);
        Assert.Equal(pro, session.ProfessionalId);
        Assert.Equal(session.Slots[1], session.StartsAt);
        Assert.Contains(NotificationKind.ExpertSessionProposal, await KindsAsync(pro));

        // The professional sees it on /me/probono and accepts; the organization's admins are told.
        var mine = await (await proBrowser.GetAsync(new Uri("/me/probono", UriKind.Relative))).HtmlAsync();
        Assert.Contains("寄付の会計処理について相談したい", mine, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await proBrowser.PostFormAsync("/me/probono", new() { ["sessionId"] = id.ToString() }, "AcceptSession")).StatusCode);
        Assert.Equal(ExpertSessionStatus.Scheduled, (await FindAsync(id))!.Status);
        Assert.Contains(NotificationKind.ExpertSessionScheduled, await KindsAsync(adminId));

        // Acting twice is refused clearly.
        var again = await proBrowser.PostFormAsync("/me/probono", new() { ["sessionId"] = id.ToString() }, "AcceptSession");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("この依頼にはすでに回答しています。", await again.HtmlAsync(), StringComparison.Ordinal);

        // Not before its time.
        var early = await admin.PostFormAsync($"/probono/expert-sessions/{id}", new() { ["held"] = "true" }, "Outcome");
        Assert.Contains("相談の時間が過ぎてから記録してください。", await early.HtmlAsync(), StringComparison.Ordinal);

        // After the time: held; the minutes are the professional's donated time, shown on both sides.
        await MakePastAsync(id);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/probono/expert-sessions/{id}", new() { ["held"] = "true" }, "Outcome")).StatusCode);
        session = await FindAsync(id);
        Assert.Equal(ExpertSessionStatus.Held, session!.Status);
        Assert.Equal(60, session.DonatedMinutes);
        var twice = await admin.PostFormAsync($"/probono/expert-sessions/{id}", new() { ["held"] = "false" }, "Outcome");
        Assert.Contains("実施したかどうかはすでに記録しています。", await twice.HtmlAsync(), StringComparison.Ordinal);
        Assert.Contains("合計60分", await (await proBrowser.GetAsync(new Uri("/me/probono", UriKind.Relative))).HtmlAsync(), StringComparison.Ordinal);
        Assert.Contains("合計60分", await (await admin.GetAsync(new Uri($"/organizations/{organizationId}/expert-sessions", UriKind.Relative))).HtmlAsync(), StringComparison.Ordinal);

        // Notes and ratings from both sides, once each.
        var badRating = await admin.PostFormAsync($"/probono/expert-sessions/{id}", new() { ["rating"] = "9", ["note"] = "x" }, "Note");
        Assert.Contains("評価を1から5で選んでください。", await badRating.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/probono/expert-sessions/{id}", new() { ["rating"] = "5", ["note"] = "仕訳の疑問が解けました。" }, "Note")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await proBrowser.PostFormAsync($"/probono/expert-sessions/{id}", new() { ["rating"] = "4", ["note"] = "よい質問でした。" }, "Note")).StatusCode);
        var noteTwice = await proBrowser.PostFormAsync($"/probono/expert-sessions/{id}", new() { ["rating"] = "1" }, "Note");
        Assert.Contains("感想はすでに記入しています。", await noteTwice.HtmlAsync(), StringComparison.Ordinal);
        session = await FindAsync(id);
        Assert.Equal(5, session!.OrganizationRating);
        Assert.Equal("仕訳の疑問が解けました。", session.OrganizationNote);
        Assert.Equal(4, session.ProfessionalRating);
        Assert.Equal("よい質問でした。", session.ProfessionalNote);

        // The professional's export holds the session.
        var download = await proBrowser.PostFormAsync("/account/personal-data", [], handler: "Download");
        using var json = JsonDocument.Parse(await download.Content.ReadAsStringAsync());
        var exported = json.RootElement.GetProperty("probono").GetProperty("expertSessions")[0];
        Assert.Equal("寄付の会計処理について相談したい", exported.GetProperty("topic").GetString());
        Assert.Equal(60, exported.GetProperty("donatedMinutes").GetInt32());
        Assert.Equal("よい質問でした。", exported.GetProperty("professionalNote").GetString());
    }

    [Theory]
    [InlineData("Input.Topic", "", "相談したいことを入力してください。")]
    [InlineData("Input.Topic", "long", "相談したいことは2000文字以内で入力してください。")]
    [InlineData("Input.Skill", "no-such-skill", "「no-such-skill」というスキルはありません。")]
    [InlineData("Input.Skill", "", "相談したい分野のスキルを選んでください。")]
    [InlineData("Input.Mode", "InPerson", "対面の場合は市区町村を選んでください。")]
    [InlineData("Input.Slots[0]", "2020-01-01T10:00", "候補日時1は今より後の日時にしてください。")]
    [InlineData("Input.Slots[0]", "あした", "候補日時1を正しい日時で入力してください。")]
    [InlineData("Input.DurationMinutes", "15", "相談の時間は30分から120分までの整数で入力してください。")]
    [InlineData("Input.DurationMinutes", "180", "相談の時間は30分から120分までの整数で入力してください。")]
    public async Task Bad_requests_are_refused_with_a_message_and_nothing_is_saved(string field, string value, string message)
    {
        var (admin, organizationId) = await OpportunityData.OrgAdminAsync(app, "誤入力の相談の会");
        var form = RequestForm();
        form[field] = value == "long" ? new string('あ', ExpertSession.MaxTopicLength + 1) : value;
        var response = await admin.PostFormAsync($"/organizations/{organizationId}/expert-sessions/new", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.HtmlAsync(), StringComparison.Ordinal);
        Assert.False(await ProBonoData.QueryAsync(app, db => db.ExpertSessions.AnyAsync(s => s.OrganizationId == organizationId)));
    }

    [Fact]
    public async Task No_slot_at_all_is_refused_in_English_too()
    {
        var (admin, organizationId) = await OpportunityData.OrgAdminAsync(app, "英語の相談の会", culture: "en");
        var form = RequestForm();
        form["Input.Slots[0]"] = "";
        form["Input.Slots[1]"] = "";
        var html = await (await admin.PostFormAsync($"/organizations/{organizationId}/expert-sessions/new", form)).HtmlAsync();
        Assert.Contains("Enter at least one preferred date and time.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_in_person_request_keeps_its_municipality_and_defaults_to_an_hour()
    {
        var (admin, organizationId) = await OpportunityData.OrgAdminAsync(app, "対面の相談の会");
        var form = RequestForm("規約の見直し", "law");
        form["Input.Mode"] = "InPerson";
        form["Input.MunicipalityCode"] = "121011";
        var id = await RequestAsync(admin, organizationId, form);
        var session = await FindAsync(id);
        Assert.Equal(WorkMode.InPerson, session!.Mode);
        Assert.Equal("121011", session.MunicipalityCode);
        var blank = await (await admin.GetAsync(new Uri($"/organizations/{organizationId}/expert-sessions/new", UriKind.Relative))).HtmlAsync();
        Assert.Contains("name=\"Input.DurationMinutes\" value=\"60\"", blank, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assigning_refuses_an_ineligible_professional_a_past_slot_and_a_second_assignment()
    {
        var (admin, organizationId) = await OpportunityData.OrgAdminAsync(app, "割り当ての会");
        var id = await RequestAsync(admin, organizationId, RequestForm("広報の相談", "public-relations"));
        var (_, designer) = await ProBonoData.ProfessionalAsync(app, "design");
        var (_, pr) = await ProBonoData.ProfessionalAsync(app, "public-relations");
        var coordinator = await app.SignInAsync(Roles.PrefectureAdmin);

        var wrongSkill = await AssignAsync(coordinator, id, designer);
        Assert.Equal(HttpStatusCode.OK, wrongSkill.StatusCode);
        Assert.Contains("この専門家には依頼できません", await wrongSkill.HtmlAsync(), StringComparison.Ordinal);
        Assert.Contains("候補日時を選んでください。", await (await AssignAsync(coordinator, id, pr, "3")).HtmlAsync(), StringComparison.Ordinal);
        Assert.Contains("依頼する専門家を選んでください。",
            await (await coordinator.PostFormAsync($"/probono/expert-sessions/{id}", new() { ["slot"] = "1" }, "Assign")).HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(ExpertSessionStatus.Requested, (await FindAsync(id))!.Status);

        await MakePastAsync(id);
        Assert.Contains("この候補日時はすでに過ぎています。", await (await AssignAsync(coordinator, id, pr, "1")).HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await AssignAsync(coordinator, id, pr, "2")).StatusCode);
        Assert.Contains("この依頼はすでに専門家を調整済みか、終わっています。", await (await AssignAsync(coordinator, id, pr, "2")).HtmlAsync(), StringComparison.Ordinal);
        // An organization admin cannot assign.
        ProBonoData.AssertRefused(await admin.PostFormAsync($"/probono/expert-sessions/{id}", new() { ["professionalId"] = pr.ToString(), ["slot"] = "2" }, "Assign"));
    }

    [Fact]
    public async Task A_decline_by_the_professional_returns_the_request_and_the_pair_is_not_suggested_again()
    {
        var (admin, organizationId) = await OpportunityData.OrgAdminAsync(app, "辞退の会");
        var id = await RequestAsync(admin, organizationId, RequestForm("翻訳の相談", "translation"));
        var (proBrowser, pro) = await ProBonoData.ProfessionalAsync(app, "translation");
        var (otherBrowser, _) = await ProBonoData.ProfessionalAsync(app, "translation", level: 2);
        var coordinatorEmail = $"coordinator-{Guid.NewGuid():N}@example.jp";
        var coordinator = await app.SignInAsync(Roles.Coordinator, coordinatorEmail);
        var coordinatorId = await IdOfAsync(coordinatorEmail);
        Assert.Equal(HttpStatusCode.Redirect, (await AssignAsync(coordinator, id, pro)).StatusCode);

        // Someone else's proposal is not theirs to answer.
        Assert.Equal(HttpStatusCode.NotFound, (await otherBrowser.PostFormAsync("/me/probono", new() { ["sessionId"] = id.ToString() }, "AcceptSession")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherBrowser.GetAsync(new Uri($"/probono/expert-sessions/{id}", UriKind.Relative))).StatusCode);

        var noReason = await proBrowser.PostFormAsync("/me/probono", new() { ["sessionId"] = id.ToString(), ["reason"] = " " }, "DeclineSession");
        Assert.Contains("辞退の理由を入力してください。", await noReason.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await proBrowser.PostFormAsync("/me/probono", new() { ["sessionId"] = id.ToString(), ["reason"] = "その週は出張です。" }, "DeclineSession")).StatusCode);
        var session = await FindAsync(id);
        Assert.Equal(ExpertSessionStatus.Requested, session!.Status);
        Assert.Null(session.ProfessionalId);
        Assert.Contains(NotificationKind.ExpertSessionProposalDeclined, await KindsAsync(coordinatorId));

        var page = await (await coordinator.GetAsync(new Uri($"/probono/expert-sessions/{id}", UriKind.Relative))).HtmlAsync();
        Assert.DoesNotContain($"value=\"{pro}\"", page, StringComparison.Ordinal);
        Assert.Contains("その週は出張です。", page, StringComparison.Ordinal);
        Assert.Contains("この専門家には依頼できません", await (await AssignAsync(coordinator, id, pro)).HtmlAsync(), StringComparison.Ordinal);
        var answeredTwice = await proBrowser.PostFormAsync("/me/probono", new() { ["sessionId"] = id.ToString() }, "AcceptSession");
        Assert.Contains("この依頼はすでに辞退しています。", await answeredTwice.HtmlAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_coordinator_declines_with_a_reason_and_the_organization_is_told()
    {
        var (admin, organizationId) = await OpportunityData.OrgAdminAsync(app, "見送りの相談の会");
        var adminId = await ProBonoData.QueryAsync(app, db => db.Memberships.Where(m => m.OrganizationId == organizationId).Select(m => m.AccountId).FirstAsync());
        var id = await RequestAsync(admin, organizationId);
        var coordinator = await app.SignInAsync(Roles.Coordinator);
        Assert.Contains("理由を入力してください。",
            await (await coordinator.PostFormAsync($"/probono/expert-sessions/{id}", new() { ["reason"] = "" }, "Decline")).HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync($"/probono/expert-sessions/{id}", new() { ["reason"] = "この分野の専門家がいません。" }, "Decline")).StatusCode);
        Assert.Equal(ExpertSessionStatus.Declined, (await FindAsync(id))!.Status);
        Assert.Contains(NotificationKind.ExpertSessionDeclined, await KindsAsync(adminId));
        var page = await (await admin.GetAsync(new Uri($"/probono/expert-sessions/{id}", UriKind.Relative))).HtmlAsync();
        Assert.Contains("この分野の専門家がいません。", page, StringComparison.Ordinal);
        Assert.Contains("この依頼はすでに専門家を調整済みか、終わっています。",
            await (await coordinator.PostFormAsync($"/probono/expert-sessions/{id}", new() { ["reason"] = "もう一度" }, "Decline")).HtmlAsync(), StringComparison.Ordinal);
        Assert.Contains("この相談は取り消せません",
            await (await admin.PostFormAsync($"/probono/expert-sessions/{id}", new() { ["reason"] = "取り下げ" }, "Cancel")).HtmlAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Either_side_cancels_a_scheduled_session_and_the_other_side_is_told()
    {
        var (admin, organizationId) = await OpportunityData.OrgAdminAsync(app, "取り消しの会");
        var adminId = await ProBonoData.QueryAsync(app, db => db.Memberships.Where(m => m.OrganizationId == organizationId).Select(m => m.AccountId).FirstAsync());
        var coordinator = await app.SignInAsync(Roles.Coordinator);

        // The professional cancels: the organization is told.
        var first = await RequestAsync(admin, organizationId, RequestForm("IT環境の相談", "it"));
        var (proBrowser, pro) = await ProBonoData.ProfessionalAsync(app, "it");
        await AssignAsync(coordinator, first, pro);
        // Not yet scheduled: the professional answers rather than cancels.
        Assert.Contains("この相談は取り消せません",
            await (await proBrowser.PostFormAsync($"/probono/expert-sessions/{first}", new() { ["reason"] = "やめます" }, "Cancel")).HtmlAsync(), StringComparison.Ordinal);
        await proBrowser.PostFormAsync("/me/probono", new() { ["sessionId"] = first.ToString() }, "AcceptSession");
        Assert.Contains("理由を入力してください。",
            await (await proBrowser.PostFormAsync($"/probono/expert-sessions/{first}", new() { ["reason"] = "" }, "Cancel")).HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await proBrowser.PostFormAsync($"/probono/expert-sessions/{first}", new() { ["reason"] = "急な入院のため" }, "Cancel")).StatusCode);
        var cancelled = await FindAsync(first);
        Assert.Equal(ExpertSessionStatus.Cancelled, cancelled!.Status);
        Assert.Equal("急な入院のため", cancelled.Reason);
        Assert.Contains(NotificationKind.ExpertSessionCancelled, await KindsAsync(adminId));

        // The organization cancels: the professional is told. A coordinator is not a side.
        var second = await RequestAsync(admin, organizationId, RequestForm("サーバーの相談", "it"));
        await AssignAsync(coordinator, second, pro);
        await proBrowser.PostFormAsync("/me/probono", new() { ["sessionId"] = second.ToString() }, "AcceptSession");
        ProBonoData.AssertRefused(await coordinator.PostFormAsync($"/probono/expert-sessions/{second}", new() { ["reason"] = "調整" }, "Cancel"));
        var before = (await KindsAsync(pro)).Count(k => k == NotificationKind.ExpertSessionCancelled);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/probono/expert-sessions/{second}", new() { ["reason"] = "解決しました" }, "Cancel")).StatusCode);
        Assert.Equal(before + 1, (await KindsAsync(pro)).Count(k => k == NotificationKind.ExpertSessionCancelled));
        // A cancelled session is neither held nor noted.
        Assert.Contains("日時が決まった相談だけ、実施したかどうかを記録できます。",
            await (await admin.PostFormAsync($"/probono/expert-sessions/{second}", new() { ["held"] = "true" }, "Outcome")).HtmlAsync(), StringComparison.Ordinal);
        Assert.Contains("実施した相談にだけ感想を記入できます。",
            await (await proBrowser.PostFormAsync($"/probono/expert-sessions/{second}", new() { ["rating"] = "3" }, "Note")).HtmlAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_organizations_admins_request_and_see_their_sessions()
    {
        var (admin, organizationId) = await OpportunityData.OrgAdminAsync(app, "守られた相談の会");
        var id = await RequestAsync(admin, organizationId);
        var (other, _) = await OpportunityData.OrgAdminAsync(app, "よその相談の会");
        var resident = await app.SignInAsync(Roles.Resident);
        foreach (var browser in new[] { other, resident })
        {
            ProBonoData.AssertRefused(await browser.GetAsync(new Uri($"/organizations/{organizationId}/expert-sessions", UriKind.Relative)));
            ProBonoData.AssertRefused(await browser.GetAsync(new Uri($"/organizations/{organizationId}/expert-sessions/new", UriKind.Relative)));
            Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(new Uri($"/probono/expert-sessions/{id}", UriKind.Relative))).StatusCode);
            ProBonoData.AssertRefused(await browser.GetAsync(new Uri("/probono/expert-sessions", UriKind.Relative)));
        }
    }

    [Fact]
    public async Task Erasing_the_professional_keeps_the_organizations_record_without_them()
    {
        var (admin, organizationId) = await OpportunityData.OrgAdminAsync(app, "消去の相談の会");
        var id = await RequestAsync(admin, organizationId, RequestForm("資金調達の相談", "fundraising"));
        var (proBrowser, pro) = await ProBonoData.ProfessionalAsync(app, "fundraising");
        var coordinator = await app.SignInAsync(Roles.Coordinator);
        await AssignAsync(coordinator, id, pro);
        await proBrowser.PostFormAsync("/me/probono", new() { ["sessionId"] = id.ToString() }, "AcceptSession");
        var deleted = await proBrowser.PostFormAsync("/account/personal-data", new() { ["Input.Password"] = TestApp.Password }, handler: "Delete");
        Assert.Equal("/account/deleted", deleted.Headers.Location!.OriginalString);
        var session = await FindAsync(id);
        Assert.NotNull(session);
        Assert.Null(session.ProfessionalId);
        Assert.Equal(ExpertSessionStatus.Cancelled, session.Status);
    }
}
