using System.Net;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Collaboration;
using Tsunagari.Features.Engagement;
using Tsunagari.Features.Opportunities;
using Tsunagari.Tests.Features.Engagement;
using Tsunagari.Tests.Features.Opportunities;

namespace Tsunagari.Tests.Features.Collaboration.Dialogue;

/// <summary>Places for dialogue: making an opportunity a meeting, the list by theme, the public page and its registration.</summary>
public sealed class DialogueMeetingsTests(TestApp app) : IClassFixture<TestApp>
{
    private static Uri Url(string path) => new(path, UriKind.Relative);

    [Fact]
    public async Task An_organizer_makes_an_opportunity_a_meeting_and_everyone_finds_it_by_theme()
    {
        var (admin, organizationId) = await OpportunityData.OrgAdminAsync(app, "対話の会");
        var opportunityId = await OpportunityData.AddAsync(app, organizationId, OpportunityData.Details("まちの未来を語る会", DateTimeOffset.UtcNow.AddDays(10)));

        // The opportunity's manage section links to making it a meeting; the choice page lists it.
        Assert.Contains($"/collaboration/dialogue/new?opportunity={opportunityId}", await (await admin.GetAsync(Url($"/opportunities/{opportunityId}"))).HtmlAsync(), StringComparison.Ordinal);
        Assert.Contains("まちの未来を語る会", await (await admin.GetAsync(Url("/collaboration/dialogue/new"))).HtmlAsync(), StringComparison.Ordinal);

        var made = await admin.PostFormAsync($"/collaboration/dialogue/new?opportunity={opportunityId}", DialogueData.PlanForm(agenda: "開会のあいさつ\r\n\r\n他市の事例紹介\n 意見交換 "));
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var meeting = await DialogueData.QueryAsync(app, db => db.DialogueMeetings.AsNoTracking().SingleAsync(m => m.OpportunityId == opportunityId));
        Assert.Equal($"/collaboration/dialogue/{meeting.Id}/manage", made.Headers.Location!.OriginalString);
        Assert.Equal(DialogueTheme.SharingOtherRegions, meeting.Theme);
        Assert.Equal("開会のあいさつ\n他市の事例紹介\n意見交換", meeting.Agenda);
        Assert.Null(meeting.InitiativeId);

        var anonymous = app.CreateBrowser();
        var page = await (await anonymous.GetAsync(Url($"/collaboration/dialogue/{meeting.Id}"))).HtmlAsync();
        Assert.Contains("まちの未来を語る会", page, StringComparison.Ordinal);
        Assert.Contains("他地域の取組を共有する", page, StringComparison.Ordinal);
        Assert.Contains("<li>開会のあいさつ</li>\n        <li>他市の事例紹介</li>\n        <li>意見交換</li>", page.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("中央公民館", page, StringComparison.Ordinal);
        Assert.Contains("対話の会", page, StringComparison.Ordinal);
        Assert.Contains("車いすで参加できる", page, StringComparison.Ordinal);
        Assert.Contains("やさしい日本語", page, StringComparison.Ordinal);
        Assert.Contains("残り20席（定員20人）", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/opportunities/{opportunityId}\"", page, StringComparison.Ordinal);
        Assert.Contains("議事録はまだ記録されていません。", page, StringComparison.Ordinal);
        Assert.DoesNotContain("/manage", page, StringComparison.Ordinal);

        // Listed under its theme, not under another; a theme that does not exist shows them all.
        var list = await (await anonymous.GetAsync(Url("/collaboration/dialogue"))).HtmlAsync();
        Assert.Contains($"href=\"/collaboration/dialogue/{meeting.Id}\"", list, StringComparison.Ordinal);
        Assert.Contains("これからの対話の場", list, StringComparison.Ordinal);
        foreach (var theme in new[] { "地域の歴史や現状、課題を、住民・団体・行政がともに学びます。", "ほかの地域で成果をあげた取組を知り、自分たちの地域で生かす方法を話し合います。", "住民・団体・行政が互いの立場や得意なことを知り、役割分担の土台をつくります。" })
            Assert.Contains(theme, list, StringComparison.Ordinal);
        Assert.Contains("まちの未来を語る会", await (await anonymous.GetAsync(Url("/collaboration/dialogue?theme=SharingOtherRegions"))).HtmlAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("まちの未来を語る会", await (await anonymous.GetAsync(Url("/collaboration/dialogue?theme=LearningAboutTheRegion"))).HtmlAsync(), StringComparison.Ordinal);
        var bogus = await anonymous.GetAsync(Url("/collaboration/dialogue?theme=%3Cscript%3E"));
        Assert.Equal(HttpStatusCode.OK, bogus.StatusCode);
        Assert.Contains("まちの未来を語る会", await bogus.HtmlAsync(), StringComparison.Ordinal);

        // Once a meeting, it is no longer offered to be made one.
        Assert.DoesNotContain("まちの未来を語る会", await (await admin.GetAsync(Url("/collaboration/dialogue/new"))).HtmlAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Past_meetings_are_listed_apart_and_drafts_not_at_all()
    {
        var (admin, organizationId) = await OpportunityData.OrgAdminAsync(app, "過去の会");
        var past = await OpportunityData.AddAsync(app, organizationId, OpportunityData.Details("先月の意見交換会", DateTimeOffset.UtcNow.AddDays(-30)));
        var draft = await OpportunityData.AddAsync(app, organizationId, OpportunityData.Details("下書きの懇談会", DateTimeOffset.UtcNow.AddDays(30)), OpportunityStatus.Draft);
        var pastMeeting = await DialogueData.MeetingAsync(app, past, DialogueTheme.LearningAboutTheRegion);
        var draftMeeting = await DialogueData.MeetingAsync(app, draft);

        var anonymous = app.CreateBrowser();
        var list = await (await anonymous.GetAsync(Url("/collaboration/dialogue"))).HtmlAsync();
        var pastAt = list.IndexOf("これまでの対話の場（新しい順", StringComparison.Ordinal);
        Assert.True(pastAt > 0);
        Assert.True(list.IndexOf("先月の意見交換会", StringComparison.Ordinal) > pastAt);
        Assert.DoesNotContain("下書きの懇談会", list, StringComparison.Ordinal);

        // A draft's meeting does not exist for the public; its organizer sees it.
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(Url($"/collaboration/dialogue/{draftMeeting}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignInAsync(Roles.Resident)).GetAsync(Url($"/collaboration/dialogue/{draftMeeting}"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(Url($"/collaboration/dialogue/{draftMeeting}"))).StatusCode);
        var pastPage = await (await anonymous.GetAsync(Url($"/collaboration/dialogue/{pastMeeting}"))).HtmlAsync();
        Assert.Contains("この対話の場は終わりました。", pastPage, StringComparison.Ordinal);
        Assert.DoesNotContain("活動のページで申し込む", pastPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_meetings_and_opportunities_are_not_found()
    {
        var (admin, _) = await OpportunityData.OrgAdminAsync(app, "不明の会");
        var anonymous = app.CreateBrowser();
        var unknown = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(Url($"/collaboration/dialogue/{unknown}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(Url($"/collaboration/dialogue/{unknown}/manage"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(Url($"/collaboration/dialogue/new?opportunity={unknown}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(Url("/collaboration/dialogue/new?opportunity=not-an-id"))).StatusCode);
    }

    [Fact]
    public async Task A_second_meeting_for_the_same_opportunity_is_refused_with_a_link_to_the_first()
    {
        var (admin, organizationId) = await OpportunityData.OrgAdminAsync(app, "二度目の会");
        var opportunityId = await OpportunityData.AddAsync(app, organizationId, OpportunityData.Details("二度目の対話", DateTimeOffset.UtcNow.AddDays(5)));
        var first = await DialogueData.MeetingAsync(app, opportunityId);

        var page = await (await admin.GetAsync(Url($"/collaboration/dialogue/new?opportunity={opportunityId}"))).HtmlAsync();
        Assert.Contains("この活動にはすでに対話の場があります。", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/collaboration/dialogue/{first}\"", page, StringComparison.Ordinal);

        // A form sent anyway (kept open in another tab) makes nothing.
        var token = await TokenAsync(admin, "/account");
        var form = DialogueData.PlanForm();
        form["__RequestVerificationToken"] = token;
        form["opportunity"] = opportunityId.ToString();
        var again = await admin.PostAsync(Url($"/collaboration/dialogue/new?opportunity={opportunityId}"), new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var html = await again.HtmlAsync();
        Assert.Contains("この活動にはすでに対話の場があります。", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/collaboration/dialogue/{first}\"", html, StringComparison.Ordinal);
        Assert.Equal(1, await DialogueData.QueryAsync(app, db => db.DialogueMeetings.CountAsync(m => m.OpportunityId == opportunityId)));
    }

    [Fact]
    public async Task Only_those_who_organize_the_opportunity_make_it_a_meeting()
    {
        var (_, organizationId) = await OpportunityData.OrgAdminAsync(app, "守る会");
        var opportunityId = await OpportunityData.AddAsync(app, organizationId, OpportunityData.Details("守られた対話", DateTimeOffset.UtcNow.AddDays(5)));
        var draftId = await OpportunityData.AddAsync(app, organizationId, OpportunityData.Details("守られた下書き", DateTimeOffset.UtcNow.AddDays(5)), OpportunityStatus.Draft);
        var (other, _) = await OpportunityData.OrgAdminAsync(app, "よその会");
        var resident = await app.SignInAsync(Roles.Resident);
        var coordinator = await app.SignInAsync(Roles.Coordinator);
        foreach (var browser in new[] { other, resident, coordinator })
        {
            DialogueData.AssertRefused(await browser.GetAsync(Url($"/collaboration/dialogue/new?opportunity={opportunityId}")));
            Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(Url($"/collaboration/dialogue/new?opportunity={draftId}"))).StatusCode);
            var form = DialogueData.PlanForm();
            form["__RequestVerificationToken"] = await TokenAsync(browser, "/account");
            form["opportunity"] = opportunityId.ToString();
            DialogueData.AssertRefused(await browser.PostAsync(Url("/collaboration/dialogue/new"), new FormUrlEncodedContent(form)));
            Assert.DoesNotContain("守られた対話", await (await browser.GetAsync(Url("/collaboration/dialogue/new"))).HtmlAsync(), StringComparison.Ordinal);
        }
        var anonymous = await app.CreateBrowser().GetAsync(Url($"/collaboration/dialogue/new?opportunity={opportunityId}"));
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/login", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.False(await DialogueData.QueryAsync(app, db => db.DialogueMeetings.AnyAsync(m => m.OpportunityId == opportunityId)));

        // A co-organizer of the opportunity organizes it too.
        var (coOrganizer, coOrganizerId) = await SignUpData.ResidentAsync(app);
        await DialogueData.QueryAsync(app, async db =>
        {
            db.CoOrganizers.Add(new CoOrganizer(opportunityId, organizationId, coOrganizerId, DateTimeOffset.UtcNow));
            return await db.SaveChangesAsync();
        });
        Assert.Contains("守られた対話", await (await coOrganizer.GetAsync(Url("/collaboration/dialogue/new"))).HtmlAsync(), StringComparison.Ordinal);
        var made = await coOrganizer.PostFormAsync($"/collaboration/dialogue/new?opportunity={opportunityId}", DialogueData.PlanForm());
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
    }

    [Theory]
    [InlineData("Plan.Theme", "", "テーマを選んでください。")]
    [InlineData("Plan.Theme", "2", "テーマを選んでください。")]
    [InlineData("Plan.Theme", "Gossip", "テーマを選んでください。")]
    [InlineData("Plan.Agenda", " \n \n", "議題を1行に1つ入力してください。")]
    [InlineData("Plan.InitiativeId", "not-an-initiative", "取組を一覧から選んでください。")]
    public async Task Bad_plans_are_shown_and_nothing_is_made(string field, string value, string message)
    {
        var (admin, organizationId) = await OpportunityData.OrgAdminAsync(app, "誤入力の会");
        var opportunityId = await OpportunityData.AddAsync(app, organizationId, OpportunityData.Details("誤入力の対話", DateTimeOffset.UtcNow.AddDays(5)));
        var form = DialogueData.PlanForm();
        form[field] = value;
        var response = await admin.PostFormAsync($"/collaboration/dialogue/new?opportunity={opportunityId}", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains(message, html, StringComparison.Ordinal);
        if (field != "Plan.Agenda") Assert.Contains("他市の事例紹介", html, StringComparison.Ordinal); // what was typed is kept
        Assert.False(await DialogueData.QueryAsync(app, db => db.DialogueMeetings.AnyAsync(m => m.OpportunityId == opportunityId)));
    }

    [Fact]
    public async Task Too_long_an_agenda_is_refused_in_English_too()
    {
        var (admin, organizationId) = await OpportunityData.OrgAdminAsync(app, "長い議題の会", culture: "en");
        var opportunityId = await OpportunityData.AddAsync(app, organizationId, OpportunityData.Details("長い議題の対話", DateTimeOffset.UtcNow.AddDays(5)));
        var form = DialogueData.PlanForm(agenda: string.Join('\n', Enumerable.Range(1, 31).Select(i => $"議題{i}")));
        var html = await (await admin.PostFormAsync($"/collaboration/dialogue/new?opportunity={opportunityId}", form)).HtmlAsync();
        Assert.Contains("The agenda can have at most 30 items.", html, StringComparison.Ordinal);
        form = DialogueData.PlanForm(agenda: new string('あ', 8001));
        html = await (await admin.PostFormAsync($"/collaboration/dialogue/new?opportunity={opportunityId}", form)).HtmlAsync();
        Assert.Contains("The agenda must be at most 8000 characters.", html, StringComparison.Ordinal);
        Assert.False(await DialogueData.QueryAsync(app, db => db.DialogueMeetings.AnyAsync(m => m.OpportunityId == opportunityId)));
    }

    [Fact]
    public async Task An_active_initiative_can_be_linked_and_an_ended_one_cannot()
    {
        var (admin, organizationId) = await OpportunityData.OrgAdminAsync(app, "取組の会");
        var adminId = await DialogueData.QueryAsync(app, db => db.Memberships.Where(m => m.OrganizationId == organizationId).Select(m => m.AccountId).SingleAsync());
        var (active, ended) = await DialogueData.QueryAsync(app, async db =>
        {
            Initiative Make(string title) => new(new InitiativeDetails(title, "概要", InitiativeOwnerKind.Organization, "取組の会", organizationId, ["121002"], [], [], [], null, null, null),
                InitiativeType.Together, CollaborationStage.SupportingActors, adminId, DateTimeOffset.UtcNow);
            var a = Make("見守りの仕組みづくり");
            var e = Make("終わった取組");
            e.End("目的を果たした", adminId, DateTimeOffset.UtcNow);
            db.Initiatives.AddRange(a, e);
            await db.SaveChangesAsync();
            return (a.Id, e.Id);
        });
        var opportunityId = await OpportunityData.AddAsync(app, organizationId, OpportunityData.Details("見守りの対話", DateTimeOffset.UtcNow.AddDays(5)));
        var page = await (await admin.GetAsync(Url($"/collaboration/dialogue/new?opportunity={opportunityId}"))).HtmlAsync();
        Assert.Contains("見守りの仕組みづくり", page, StringComparison.Ordinal);
        Assert.DoesNotContain("終わった取組", page, StringComparison.Ordinal);

        var form = DialogueData.PlanForm();
        form["Plan.InitiativeId"] = ended.ToString();
        Assert.Contains("取組を一覧から選んでください。", await (await admin.PostFormAsync($"/collaboration/dialogue/new?opportunity={opportunityId}", form)).HtmlAsync(), StringComparison.Ordinal);
        form["Plan.InitiativeId"] = active.ToString();
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/collaboration/dialogue/new?opportunity={opportunityId}", form)).StatusCode);
        var meeting = await DialogueData.QueryAsync(app, db => db.DialogueMeetings.AsNoTracking().SingleAsync(m => m.OpportunityId == opportunityId));
        Assert.Equal(active, meeting.InitiativeId);
        Assert.Contains("見守りの仕組みづくり", await (await app.CreateBrowser().GetAsync(Url($"/collaboration/dialogue/{meeting.Id}"))).HtmlAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registration_goes_through_the_opportunitys_sign_up_and_a_full_meeting_waitlists()
    {
        var (_, organizationId) = await OpportunityData.OrgAdminAsync(app, "満席の会");
        var opportunityId = await SignUpData.OpportunityAsync(app, organizationId, capacity: 2);
        var meetingId = await DialogueData.MeetingAsync(app, opportunityId);
        var people = new List<(HttpClient Browser, Guid Id)>();
        for (var i = 0; i < 3; i++) people.Add(await SignUpData.ResidentAsync(app));

        var anonymous = app.CreateBrowser();
        Assert.Contains("残り2席（定員2人）", await (await anonymous.GetAsync(Url($"/collaboration/dialogue/{meetingId}"))).HtmlAsync(), StringComparison.Ordinal);
        foreach (var (browser, _) in people)
            Assert.Equal(HttpStatusCode.Redirect, (await browser.PostFormAsync($"/opportunities/{opportunityId}/signup", [])).StatusCode);

        var signUps = await SignUpData.SignUpsAsync(app, opportunityId);
        Assert.Equal(2, signUps.Count(s => s.Status == SignUpStatus.Confirmed));
        Assert.Equal(SignUpStatus.Waitlisted, signUps.Single(s => s.AccountId == people[2].Id).Status);
        var page = await (await anonymous.GetAsync(Url($"/collaboration/dialogue/{meetingId}"))).HtmlAsync();
        Assert.Contains("満席（定員2人）", page, StringComparison.Ordinal);
        Assert.Contains("キャンセル待ち1人", page, StringComparison.Ordinal);
        Assert.Contains("満席のときはキャンセル待ちとして申し込めます。", page, StringComparison.Ordinal);
        var list = await (await anonymous.GetAsync(Url("/collaboration/dialogue"))).HtmlAsync();
        Assert.Contains("満席（定員2人）", list, StringComparison.Ordinal);
        Assert.Contains("キャンセル待ち1人", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attendance_is_counted_by_kind_in_public_and_named_only_to_managers()
    {
        var (admin, organizationId) = await OpportunityData.OrgAdminAsync(app, "出席の会");
        var opportunityId = await SignUpData.OpportunityAsync(app, organizationId, capacity: 10);
        var meetingId = await DialogueData.MeetingAsync(app, opportunityId);
        var (residentBrowser, residentId) = await SignUpData.ResidentAsync(app);
        var (memberBrowser, memberId) = await SignUpData.ResidentAsync(app);
        var (absentBrowser, absentId) = await SignUpData.ResidentAsync(app);
        var staffEmail = $"staff-{Guid.NewGuid():N}@example.jp";
        var staffBrowser = await app.SignInAsync(Roles.Coordinator, staffEmail);
        var staffId = await SignUpData.AccountIdAsync(app, staffEmail);
        foreach (var browser in new[] { residentBrowser, memberBrowser, absentBrowser, staffBrowser })
            Assert.Equal(HttpStatusCode.Redirect, (await browser.PostFormAsync($"/opportunities/{opportunityId}/signup", [])).StatusCode);
        await DialogueData.QueryAsync(app, async db =>
        {
            db.Memberships.Add(new Tsunagari.Features.Organizations.Membership(organizationId, memberId, Tsunagari.Features.Organizations.MembershipRole.Member, DateTimeOffset.UtcNow));
            foreach (var s in await db.SignUps.Where(s => s.OpportunityId == opportunityId && s.AccountId != absentId).ToListAsync())
            {
                s.CheckedInAt = DateTimeOffset.UtcNow;
                s.CheckInMethod = CheckInMethod.Roster;
            }
            return await db.SaveChangesAsync();
        });

        var names = new[] { residentId, memberId, absentId, staffId };
        var displayNames = await DialogueData.QueryAsync(app, db => db.Users.Where(u => names.Contains(u.Id)).Select(u => u.DisplayName).ToListAsync());
        var page = await (await app.CreateBrowser().GetAsync(Url($"/collaboration/dialogue/{meetingId}"))).HtmlAsync();
        Assert.Contains("出席者：3人", page, StringComparison.Ordinal);
        Assert.Contains("住民：1人", page, StringComparison.Ordinal);
        Assert.Contains("団体の会員：1人", page, StringComparison.Ordinal);
        Assert.Contains("行政：1人", page, StringComparison.Ordinal);
        foreach (var name in displayNames) Assert.DoesNotContain(name, page, StringComparison.Ordinal);

        // The organizer reads the roster by name, without an audit entry; staff who do not organize it are audited.
        var audits = () => DialogueData.QueryAsync(app, db => db.AuditEntries.CountAsync(a => a.Detail == $"dialogue meeting {meetingId}"));
        var roster = await (await admin.GetAsync(Url($"/collaboration/dialogue/{meetingId}/manage"))).HtmlAsync();
        foreach (var name in displayNames) Assert.Contains(name, roster, StringComparison.Ordinal);
        Assert.Contains("未出席", roster, StringComparison.Ordinal);
        Assert.Equal(0, await audits());
        var staffView = await staffBrowser.GetAsync(Url($"/collaboration/dialogue/{meetingId}/manage"));
        Assert.Equal(HttpStatusCode.OK, staffView.StatusCode);
        Assert.Contains(displayNames[0], await staffView.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await audits());
        var entry = await DialogueData.QueryAsync(app, db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.Detail == $"dialogue meeting {meetingId}"));
        Assert.Equal(staffId, entry.ActorId);
        Assert.Equal(AuditTrail.Actions.ViewPersonalData, entry.Action);
    }

    private static async Task<string> TokenAsync(HttpClient browser, string page)
    {
        var html = await (await browser.GetAsync(Url(page))).Content.ReadAsStringAsync();
        var match = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        Assert.True(match.Success, $"No antiforgery token on {page}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }
}
