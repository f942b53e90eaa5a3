using System.Net;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Collaboration;
using Tsunagari.Tests.Features.Engagement;
using Tsunagari.Tests.Features.Opportunities;

namespace Tsunagari.Tests.Features.Collaboration.Dialogue;

/// <summary>Running a meeting: who may, the plan, the minutes and follow-up actions tracked to completion.</summary>
public sealed class DialogueManageTests(TestApp app) : IClassFixture<TestApp>
{
    private static Uri Url(string path) => new(path, UriKind.Relative);

    private async Task<(HttpClient Admin, Guid MeetingId)> MeetingAsync(string name, string? culture = null)
    {
        var (admin, organizationId) = await OpportunityData.OrgAdminAsync(app, name, culture);
        var opportunityId = await OpportunityData.AddAsync(app, organizationId, OpportunityData.Details($"{name}の対話", DateTimeOffset.UtcNow.AddDays(7)));
        return (admin, await DialogueData.MeetingAsync(app, opportunityId));
    }

    private Task<DialogueMeeting> FindAsync(Guid id) => DialogueData.QueryAsync(app, db => db.DialogueMeetings.AsNoTracking().SingleAsync(m => m.Id == id));

    private Task<List<FollowUpAction>> ActionsAsync(Guid id) => DialogueData.QueryAsync(app, db => db.FollowUpActions.AsNoTracking().Where(a => a.MeetingId == id).ToListAsync());

    [Fact]
    public async Task Organizers_and_government_staff_manage_a_meeting_and_no_one_else()
    {
        var (admin, meetingId) = await MeetingAsync("管理の会");
        var manage = $"/collaboration/dialogue/{meetingId}/manage";
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(Url(manage))).StatusCode);
        Assert.Contains(manage, await (await admin.GetAsync(Url($"/collaboration/dialogue/{meetingId}"))).HtmlAsync(), StringComparison.Ordinal);
        foreach (var role in new[] { Roles.Coordinator, Roles.PrefectureAdmin })
        {
            var staff = await app.SignInAsync(role);
            var saved = await staff.PostFormAsync(manage, new() { ["Minutes"] = $"{role}が記録" }, "Minutes");
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            Assert.Equal($"{role}が記録", (await FindAsync(meetingId)).Minutes);
        }

        var (other, _) = await OpportunityData.OrgAdminAsync(app, "よその会");
        var resident = await app.SignInAsync(Roles.Resident);
        foreach (var browser in new[] { other, resident })
        {
            DialogueData.AssertRefused(await browser.GetAsync(Url(manage)));
            Assert.DoesNotContain(manage, await (await browser.GetAsync(Url($"/collaboration/dialogue/{meetingId}"))).HtmlAsync(), StringComparison.Ordinal);
            var token = await TokenAsync(browser);
            foreach (var (handler, fields) in new (string, Dictionary<string, string>)[]
            {
                ("Minutes", new() { ["Minutes"] = "乗っ取り" }),
                ("Plan", DialogueData.PlanForm(agenda: "乗っ取り")),
                ("Action", new() { ["NewAction.Text"] = "乗っ取り", ["NewAction.Owner"] = "誰か", ["NewAction.DueOn"] = "2030-01-01" }),
            })
            {
                fields["__RequestVerificationToken"] = token;
                var refused = await browser.PostAsync(Url($"{manage}?handler={handler}"), new FormUrlEncodedContent(fields));
                DialogueData.AssertRefused(refused);
            }
        }
        var anonymous = await app.CreateBrowser().GetAsync(Url(manage));
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/login", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain("乗っ取り", (await FindAsync(meetingId)).Minutes, StringComparison.Ordinal);
        Assert.DoesNotContain("乗っ取り", (await FindAsync(meetingId)).Agenda, StringComparison.Ordinal);
        Assert.Empty(await ActionsAsync(meetingId));
    }

    [Fact]
    public async Task The_plan_is_edited_and_bad_input_keeps_what_was_saved()
    {
        var (admin, meetingId) = await MeetingAsync("計画の会");
        var manage = $"/collaboration/dialogue/{meetingId}/manage";
        var edited = await admin.PostFormAsync(manage, DialogueData.PlanForm(nameof(DialogueTheme.LearningAboutTheRegion), "まちの歴史\n課題の共有"), "Plan");
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var meeting = await FindAsync(meetingId);
        Assert.Equal(DialogueTheme.LearningAboutTheRegion, meeting.Theme);
        Assert.Equal("まちの歴史\n課題の共有", meeting.Agenda);
        Assert.Contains("テーマと議題を保存しました。", await (await admin.GetAsync(Url(manage))).HtmlAsync(), StringComparison.Ordinal);

        var bad = await admin.PostFormAsync(manage, DialogueData.PlanForm("Nonsense", ""), "Plan");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var html = await bad.HtmlAsync();
        Assert.Contains("テーマを選んでください。", html, StringComparison.Ordinal);
        Assert.Contains("議題を1行に1つ入力してください。", html, StringComparison.Ordinal);
        meeting = await FindAsync(meetingId);
        Assert.Equal(DialogueTheme.LearningAboutTheRegion, meeting.Theme);
        Assert.Equal("まちの歴史\n課題の共有", meeting.Agenda);
    }

    [Fact]
    public async Task Minutes_are_recorded_shown_as_paragraphs_and_too_long_minutes_are_refused()
    {
        var (admin, meetingId) = await MeetingAsync("議事録の会");
        var manage = $"/collaboration/dialogue/{meetingId}/manage";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(manage, new() { ["Minutes"] = "最初の段落。\r\n続きの行。\r\n\r\n<b>次の段落</b>" }, "Minutes")).StatusCode);
        var meeting = await FindAsync(meetingId);
        Assert.Equal("最初の段落。\n続きの行。\n\n<b>次の段落</b>", meeting.Minutes);
        Assert.NotNull(meeting.MinutesRecordedAt);
        var raw = await (await app.CreateBrowser().GetAsync(Url($"/collaboration/dialogue/{meetingId}"))).Content.ReadAsStringAsync();
        Assert.Contains("<br>", raw, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;", raw, StringComparison.Ordinal); // plain text, never markup
        Assert.DoesNotContain("<b>次の段落</b>", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("議事録はまだ記録されていません。", System.Net.WebUtility.HtmlDecode(raw), StringComparison.Ordinal);

        var tooLong = await admin.PostFormAsync(manage, new() { ["Minutes"] = new string('記', DialogueMeeting.MaxTextLength + 1) }, "Minutes");
        Assert.Equal(HttpStatusCode.OK, tooLong.StatusCode);
        Assert.Contains("議事録は8000文字以内で入力してください。", await tooLong.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal("最初の段落。\n続きの行。\n\n<b>次の段落</b>", (await FindAsync(meetingId)).Minutes);

        // Emptied, they are no longer recorded.
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(manage, new() { ["Minutes"] = "  " }, "Minutes")).StatusCode);
        Assert.Null((await FindAsync(meetingId)).MinutesRecordedAt);
    }

    [Theory]
    [InlineData("", "中央区役所", "2030-04-01", "フォローアップの内容を入力してください。")]
    [InlineData("チラシを配る", "", "2030-04-01", "担当（人または団体の名前）を入力してください。")]
    [InlineData("チラシを配る", "中央区役所", "", "期日を入力してください。")]
    [InlineData("チラシを配る", "中央区役所", "来週", "期日を正しい日付で入力してください。")]
    [InlineData("チラシを配る", "中央区役所", "2030-02-30", "期日を正しい日付で入力してください。")]
    public async Task A_follow_up_action_needs_its_text_owner_and_due_date(string text, string owner, string due, string message)
    {
        var (admin, meetingId) = await MeetingAsync("誤入力の会");
        var response = await admin.PostFormAsync($"/collaboration/dialogue/{meetingId}/manage",
            new() { ["NewAction.Text"] = text, ["NewAction.Owner"] = owner, ["NewAction.DueOn"] = due }, "Action");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains(message, html, StringComparison.Ordinal);
        if (text.Length > 0) Assert.Contains(text, html, StringComparison.Ordinal); // what was typed is kept
        Assert.Empty(await ActionsAsync(meetingId));
    }

    [Fact]
    public async Task Too_long_follow_up_texts_are_refused_in_English_too()
    {
        var (admin, meetingId) = await MeetingAsync("長文の会", culture: "en");
        var response = await admin.PostFormAsync($"/collaboration/dialogue/{meetingId}/manage",
            new() { ["NewAction.Text"] = new string('あ', 501), ["NewAction.Owner"] = new string('い', 201), ["NewAction.DueOn"] = "2030-04-01" }, "Action");
        var html = await response.HtmlAsync();
        Assert.Contains("A follow-up action must be at most 500 characters.", html, StringComparison.Ordinal);
        Assert.Contains("The owner must be at most 200 characters.", html, StringComparison.Ordinal);
        Assert.Empty(await ActionsAsync(meetingId));
    }

    [Fact]
    public async Task Follow_up_actions_are_tracked_to_completion_and_overdue_ones_are_said_so()
    {
        var (admin, meetingId) = await MeetingAsync("追跡の会");
        var manage = $"/collaboration/dialogue/{meetingId}/manage";
        var due = DialogueData.Today.AddDays(14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var added = await admin.PostFormAsync(manage, new() { ["NewAction.Text"] = "次回までに事例集を配る", ["NewAction.Owner"] = "NPO法人まちづくり", ["NewAction.DueOn"] = due }, "Action");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var action = Assert.Single(await ActionsAsync(meetingId));
        Assert.Equal("NPO法人まちづくり", action.Owner);
        Assert.Equal(DialogueData.Today.AddDays(14), action.DueOn);
        Assert.False(action.IsDone);
        var overdueId = await DialogueData.ActionAsync(app, meetingId, "先週までの宿題", DialogueData.Today.AddDays(-3));

        var anonymous = app.CreateBrowser();
        var page = await (await anonymous.GetAsync(Url($"/collaboration/dialogue/{meetingId}"))).HtmlAsync();
        Assert.Contains("次回までに事例集を配る", page, StringComparison.Ordinal);
        Assert.Contains("NPO法人まちづくり", page, StringComparison.Ordinal);
        Assert.Contains(due, page, StringComparison.Ordinal);
        Assert.Contains("期限切れ", page, StringComparison.Ordinal);
        Assert.Contains("未完了", page, StringComparison.Ordinal);
        var managed = await (await admin.GetAsync(Url(manage))).HtmlAsync();
        Assert.Contains("期限切れのフォローアップが1件あります。", managed, StringComparison.Ordinal);
        var list = await (await anonymous.GetAsync(Url("/collaboration/dialogue"))).HtmlAsync();
        Assert.Contains("2件", list, StringComparison.Ordinal);
        Assert.Contains("うち期限切れ1件", list, StringComparison.Ordinal);

        // Done with a note, it is neither open nor overdue; reopened, it is overdue again.
        var done = await admin.PostFormAsync(manage, new() { ["actionId"] = overdueId.ToString(), ["Note"] = "3日遅れで済んだ" }, "Complete");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var completed = (await ActionsAsync(meetingId)).Single(a => a.Id == overdueId);
        Assert.Equal(DialogueData.Today, completed.DoneOn);
        Assert.Equal("3日遅れで済んだ", completed.DoneNote);
        page = await (await anonymous.GetAsync(Url($"/collaboration/dialogue/{meetingId}"))).HtmlAsync();
        Assert.DoesNotContain("期限切れ", page, StringComparison.Ordinal);
        Assert.Contains("3日遅れで済んだ", page, StringComparison.Ordinal);
        Assert.DoesNotContain("うち期限切れ", await (await anonymous.GetAsync(Url("/collaboration/dialogue"))).HtmlAsync(), StringComparison.Ordinal);

        var twice = await admin.PostFormAsync(manage, new() { ["actionId"] = overdueId.ToString(), ["Note"] = "" }, "Complete");
        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        Assert.Contains("このフォローアップはすでに完了しています。", await twice.HtmlAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(manage, new() { ["actionId"] = overdueId.ToString() }, "Reopen")).StatusCode);
        var reopened = (await ActionsAsync(meetingId)).Single(a => a.Id == overdueId);
        Assert.Null(reopened.DoneOn);
        Assert.Equal("", reopened.DoneNote);
        Assert.Contains("期限切れ", await (await anonymous.GetAsync(Url($"/collaboration/dialogue/{meetingId}"))).HtmlAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Actions_of_another_meeting_or_unknown_ones_are_not_found()
    {
        var (admin, meetingId) = await MeetingAsync("よそ見の会");
        var (_, otherMeeting) = await MeetingAsync("別の会");
        var foreign = await DialogueData.ActionAsync(app, otherMeeting, "別の会の宿題", DialogueData.Today);
        var manage = $"/collaboration/dialogue/{meetingId}/manage";
        foreach (var id in new[] { foreign, Guid.NewGuid() })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await admin.PostFormAsync(manage, new() { ["actionId"] = id.ToString(), ["Note"] = "" }, "Complete")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await admin.PostFormAsync(manage, new() { ["actionId"] = id.ToString() }, "Reopen")).StatusCode);
        }
        Assert.Null((await ActionsAsync(otherMeeting)).Single().DoneOn);
        var fields = new Dictionary<string, string> { ["__RequestVerificationToken"] = await TokenAsync(admin), ["Minutes"] = "どこにもない会" };
        var unknown = await admin.PostAsync(Url($"/collaboration/dialogue/{Guid.NewGuid()}/manage?handler=Minutes"), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private static async Task<string> TokenAsync(HttpClient browser)
    {
        var html = await (await browser.GetAsync(Url("/account"))).Content.ReadAsStringAsync();
        var match = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        Assert.True(match.Success, "No antiforgery token on /account");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }
}
