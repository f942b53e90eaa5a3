using System.Net;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Engagement;
using Tsunagari.Features.ProBono;
using Tsunagari.Features.ProBono.Projects;
using Tsunagari.Platform;
using Tsunagari.Tests.Features.Opportunities;

namespace Tsunagari.Tests.Features.ProBono;

/// <summary>A staffed team's project: phases and calendar, log, hand-over checklist, donated time and who may do what.</summary>
public sealed class ProjectsTests(TestApp app) : IClassFixture<TestApp>
{
    private Task<ProBonoData.Staffed> StaffedAsync(string name) => ProBonoData.StaffedAsync(app, name);

    private Task<ProBonoProject> ProjectAsync(Guid id) => ProBonoData.QueryAsync(app, db => db.ProBonoProjects.AsNoTracking().SingleAsync(p => p.Id == id));

    private static async Task<string> PageAsync(HttpClient browser, string url) => await (await browser.GetAsync(new Uri(url, UriKind.Relative))).HtmlAsync();

    [Fact]
    public async Task The_last_acceptance_starts_the_project_with_its_phases_checklist_and_notifications()
    {
        var s = await StaffedAsync("始動の会");
        var project = await ProjectAsync(s.ProjectId);
        var challenge = await ProBonoData.QueryAsync(app, db => db.Challenges.AsNoTracking().SingleAsync(c => c.Id == s.ChallengeId));
        Assert.Equal(ProjectStatus.Active, project.Status);
        Assert.Equal(s.OrganizationId, project.OrganizationId);
        Assert.Equal(Enum.GetValues<ProjectPhaseKind>(), project.Phases.OrderBy(p => p.Kind).Select(p => p.Kind));
        // Contiguous phases over the challenge's period (which starts in the future in the test data).
        var phases = project.Phases.OrderBy(p => p.Kind).ToList();
        Assert.Equal(challenge.StartsOn, phases[0].StartsOn);
        Assert.Equal(challenge.EndsOn, phases[^1].DueOn);
        for (var i = 1; i < phases.Count; i++) Assert.True(phases[i].StartsOn > phases[i - 1].DueOn || phases[i].StartsOn == phases[i - 1].StartsOn);
        Assert.All(phases, p => Assert.True(p.DueOn >= p.StartsOn));

        var items = await ProBonoData.QueryAsync(app, db => db.HandOverItems.Where(i => i.ProjectId == s.ProjectId).CountAsync());
        Assert.Equal(HandOverItem.Usual.Length, items);
        var told = await ProBonoData.QueryAsync(app, db => db.Notifications.AsNoTracking()
            .Where(n => n.Kind == NotificationKind.ProBonoChallengeStaffed && n.Link == ProjectLinks.Project(s.ProjectId)).Select(n => n.AccountId).ToListAsync());
        var founder = await ProBonoData.QueryAsync(app, db => db.Memberships.Where(m => m.OrganizationId == s.OrganizationId).Select(m => m.AccountId).SingleAsync());
        Assert.Equal(s.Pros.Values.Select(p => p.Id).Append(founder).Order(), told.Order());

        // Each side finds it where they look.
        Assert.Contains(s.Url, await PageAsync(s.Admin, $"/organizations/{s.OrganizationId}/challenges"), StringComparison.Ordinal);
        Assert.Contains(s.Url, await PageAsync(s.Pros["design"].Browser, "/me/probono"), StringComparison.Ordinal);
        var page = await PageAsync(s.Pros["design"].Browser, s.Url);
        Assert.Contains("キックオフ・ヒアリング", page, StringComparison.Ordinal);
        Assert.Contains("成果物（データ一式）を受け取った", page, StringComparison.Ordinal);
        Assert.Contains("pro-marketing-", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_team_keeps_the_log_the_phases_and_the_checklist_and_the_review_completes_the_project()
    {
        var s = await StaffedAsync("記録の会");
        var pro = s.Pros["marketing"].Browser;
        var empty = await pro.PostFormAsync(s.Url, new() { ["NewEntry.Kind"] = "Decision", ["NewEntry.Text"] = "  " }, "Entry");
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("内容を入力してください。", await empty.HtmlAsync(), StringComparison.Ordinal);
        var tooLong = await pro.PostFormAsync(s.Url, new() { ["NewEntry.Text"] = new string('あ', ProjectLogEntry.MaxTextLength + 1) }, "Entry");
        Assert.Contains("内容は2000文字以内で入力してください。", await tooLong.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await pro.PostFormAsync(s.Url, new() { ["NewEntry.Kind"] = "Decision", ["NewEntry.Text"] = "チラシはA4両面にする" }, "Entry")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await s.Admin.PostFormAsync(s.Url, new() { ["NewEntry.Kind"] = "Note", ["NewEntry.Text"] = "写真は団体で用意します" }, "Entry")).StatusCode);
        var page = await PageAsync(s.Admin, s.Url);
        Assert.Contains("チラシはA4両面にする", page, StringComparison.Ordinal);
        Assert.Contains("決定事項", page, StringComparison.Ordinal);

        // Rescheduling: the due date before the start is refused and nothing moves; a valid change is kept.
        var before = (await ProjectAsync(s.ProjectId)).Phases.Single(p => p.Kind == ProjectPhaseKind.InterimProposal);
        var backwards = await pro.PostFormAsync(s.Url, new() { ["Schedule.Kind"] = "InterimProposal", ["Schedule.StartsOn"] = "2027-03-10", ["Schedule.DueOn"] = "2027-03-01" }, "Schedule");
        Assert.Contains("期日は開始日以降にしてください。", await backwards.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(before.DueOn, (await ProjectAsync(s.ProjectId)).Phases.Single(p => p.Kind == ProjectPhaseKind.InterimProposal).DueOn);
        Assert.Equal(HttpStatusCode.Redirect, (await pro.PostFormAsync(s.Url, new() { ["Schedule.Kind"] = "InterimProposal", ["Schedule.StartsOn"] = "2027-03-01", ["Schedule.DueOn"] = "2027-03-10" }, "Schedule")).StatusCode);
        var moved = (await ProjectAsync(s.ProjectId)).Phases.Single(p => p.Kind == ProjectPhaseKind.InterimProposal);
        Assert.Equal((new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 10)), (moved.StartsOn, moved.DueOn));

        // The checklist: a point of the team's own, ticked; an empty one refused.
        Assert.Contains("項目を入力してください。", await (await s.Admin.PostFormAsync(s.Url, new() { ["NewItem"] = "" }, "Item")).HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await s.Admin.PostFormAsync(s.Url, new() { ["NewItem"] = "SNSの投稿予約を引き継ぐ" }, "Item")).StatusCode);
        var item = await ProBonoData.QueryAsync(app, db => db.HandOverItems.AsNoTracking().SingleAsync(i => i.ProjectId == s.ProjectId && i.Text == "SNSの投稿予約を引き継ぐ"));
        Assert.Equal(HandOverItem.Usual.Length, item.Position);
        Assert.Equal(HttpStatusCode.Redirect, (await pro.PostFormAsync($"{s.Url}?itemId={item.Id}&done=true", [], "Check")).StatusCode);
        Assert.NotNull((await ProBonoData.QueryAsync(app, db => db.HandOverItems.AsNoTracking().SingleAsync(i => i.Id == item.Id))).DoneAt);

        // Phases done one by one; the review, the last, completes the project, and reopening it makes it active again.
        foreach (var kind in Enum.GetValues<ProjectPhaseKind>())
            Assert.Equal(HttpStatusCode.Redirect, (await pro.PostFormAsync($"{s.Url}?kind={kind}&done=true", [], "Phase")).StatusCode);
        var done = await ProjectAsync(s.ProjectId);
        Assert.Equal(ProjectStatus.Completed, done.Status);
        Assert.NotNull(done.CompletedAt);
        Assert.Equal(HttpStatusCode.Redirect, (await pro.PostFormAsync($"{s.Url}?kind=Review&done=false", [], "Phase")).StatusCode);
        Assert.Equal(ProjectStatus.Active, (await ProjectAsync(s.ProjectId)).Status);
    }

    [Fact]
    public async Task Members_record_donated_time_valued_at_the_rate_and_absurd_hours_are_refused()
    {
        var s = await StaffedAsync("時間の会");
        var (pro, proId) = s.Pros["design"];
        var today = JapanTime.Date(DateTimeOffset.UtcNow);
        string Day(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (hours, on, message) in new[]
        {
            ("-1", today, "時間は0より大きく16以下（小数は2桁まで）で入力してください。"),
            ("0", today, "時間は0より大きく16以下（小数は2桁まで）で入力してください。"),
            ("17", today, "時間は0より大きく16以下（小数は2桁まで）で入力してください。"),
            ("1.005", today, "時間は0より大きく16以下（小数は2桁まで）で入力してください。"),
            ("2", today.AddDays(1), "日付はプロジェクトの期間中（今日まで）にしてください。"),
        })
        {
            var refused = await pro.PostFormAsync(s.Url, new() { ["NewTime.On"] = Day(on), ["NewTime.Hours"] = hours }, "Time");
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains(message, await refused.HtmlAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.Redirect, (await pro.PostFormAsync(s.Url, new() { ["NewTime.On"] = Day(today), ["NewTime.Hours"] = "2.5", ["NewTime.Note"] = "ヒアリング" }, "Time")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await pro.PostFormAsync(s.Url, new() { ["NewTime.On"] = Day(today), ["NewTime.Hours"] = "13.5" }, "Time")).StatusCode);
        var overDay = await pro.PostFormAsync(s.Url, new() { ["NewTime.On"] = Day(today), ["NewTime.Hours"] = "0.5" }, "Time");
        Assert.Contains("1日の合計は16時間までです。", await overDay.HtmlAsync(), StringComparison.Ordinal);

        var entries = await ProBonoData.QueryAsync(app, db => db.DonatedTimes.AsNoTracking().Where(t => t.ProjectId == s.ProjectId).ToListAsync());
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal((proId, "design"), (e.AccountId!.Value, e.Skill)));
        // 16 hours at the default rate of 3,000 yen.
        var page = await PageAsync(s.Admin, s.Url);
        Assert.Contains("48,000", page, StringComparison.Ordinal);
        // And on the organization's pro bono page, as what it received.
        var received = await PageAsync(s.Admin, $"/organizations/{s.OrganizationId}/challenges");
        Assert.Contains("プロボノで受けた支援", received, StringComparison.Ordinal);
        Assert.Contains("1件、16時間", received, StringComparison.Ordinal);
        Assert.Contains("48,000", received, StringComparison.Ordinal);

        // The organization's admins see the time but record none; a member takes back only their own entry.
        ProBonoData.AssertRefused(await s.Admin.PostFormAsync(s.Url, new() { ["NewTime.On"] = Day(today), ["NewTime.Hours"] = "1" }, "Time"));
        Assert.Equal(HttpStatusCode.NotFound, (await s.Pros["marketing"].Browser.PostFormAsync($"{s.Url}?entryId={entries[0].Id}", [], "RemoveTime")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await pro.PostFormAsync($"{s.Url}?entryId={entries[0].Id}", [], "RemoveTime")).StatusCode);
        Assert.Equal(1, await ProBonoData.QueryAsync(app, db => db.DonatedTimes.CountAsync(t => t.ProjectId == s.ProjectId)));
    }

    [Fact]
    public void Donated_time_is_valued_at_each_skills_rate_or_the_default()
    {
        var rates = new ProBonoOptions { DefaultHourlyRate = 3000, HourlyRates = { ["law"] = 8000, ["design"] = 5000 } };
        Assert.Equal(8000 * 1.5m + 5000 * 2 + 3000 * 0.25m, rates.Value([("law", 1.5m), ("design", 2m), ("writing", 0.25m)]));
        Assert.Equal(3000, rates.RateFor("unknown"));
    }

    [Fact]
    public async Task The_calendar_has_each_phase_as_an_all_day_event()
    {
        var s = await StaffedAsync("暦の会");
        var response = await s.Pros["design"].Browser.GetAsync(new Uri($"{s.Url}?handler=Calendar", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var ics = await response.Content.ReadAsStringAsync();
        var project = await ProjectAsync(s.ProjectId);
        Assert.Equal(6, ics.Split("BEGIN:VEVENT").Length - 1);
        var review = project.Phases.Single(p => p.Kind == ProjectPhaseKind.Review);
        Assert.Contains($"DTEND;VALUE=DATE:{review.DueOn.AddDays(1):yyyyMMdd}", ics, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:ふりかえり: 暦の会の課題", ics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outsiders_do_not_see_it_coordinators_read_it_with_an_audit_entry_and_change_nothing()
    {
        var s = await StaffedAsync("境界の会");
        var outsider = await app.SignInAsync(Roles.Resident);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(new Uri(s.Url, UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(new Uri($"{s.Url}?handler=Calendar", UriKind.Relative))).StatusCode);
        var (otherAdmin, _) = await OpportunityData.OrgAdminAsync(app, "よその会");
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.GetAsync(new Uri(s.Url, UriKind.Relative))).StatusCode);

        var coordinator = await app.SignInAsync(Roles.Coordinator);
        var page = await PageAsync(coordinator, s.Url);
        Assert.Contains("境界の会の課題", page, StringComparison.Ordinal);
        Assert.DoesNotContain("mailto:", page, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Entry", page, StringComparison.Ordinal);
        Assert.True(await ProBonoData.QueryAsync(app, db => db.AuditEntries.AnyAsync(e => e.Action == AuditTrail.Actions.ViewPersonalData && e.Detail == $"probono project {s.ProjectId}")));
        Assert.Contains(s.Url, await PageAsync(coordinator, "/probono/projects"), StringComparison.Ordinal);
        // Coordinators follow; the organization and the team write.
        ProBonoData.AssertRefused(await coordinator.PostFormAsync(s.Url, new() { ["NewEntry.Text"] = "コーディネーターのメモ" }, "Entry"));
        Assert.Equal(0, await ProBonoData.QueryAsync(app, db => db.ProjectLogEntries.CountAsync(e => e.ProjectId == s.ProjectId)));
    }

    [Fact]
    public async Task A_members_export_has_their_hours_and_log_and_erasure_leaves_the_organizations_record_unsigned()
    {
        var s = await StaffedAsync("消去の会");
        var (pro, proId) = s.Pros["marketing"];
        var today = JapanTime.Date(DateTimeOffset.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Redirect, (await pro.PostFormAsync(s.Url, new() { ["NewTime.On"] = today, ["NewTime.Hours"] = "3", ["NewTime.Note"] = "市場調査" }, "Time")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await pro.PostFormAsync(s.Url, new() { ["NewEntry.Kind"] = "Note", ["NewEntry.Text"] = "調査票を共有しました" }, "Entry")).StatusCode);
        var download = await pro.PostFormAsync("/account/personal-data", [], handler: "Download");
        using (var json = System.Text.Json.JsonDocument.Parse(await download.Content.ReadAsStringAsync()))
        {
            var probono = json.RootElement.GetProperty("probono");
            Assert.Equal("市場調査", probono.GetProperty("donatedTime")[0].GetProperty("note").GetString());
            Assert.Equal(3m, probono.GetProperty("donatedTime")[0].GetProperty("hours").GetDecimal());
            Assert.Equal("調査票を共有しました", probono.GetProperty("projectLog")[0].GetProperty("text").GetString());
        }
        var deleted = await pro.PostFormAsync("/account/personal-data", new() { ["Input.Password"] = TestApp.Password }, handler: "Delete");
        Assert.Equal("/account/deleted", deleted.Headers.Location!.OriginalString);
        var hours = await ProBonoData.QueryAsync(app, db => db.DonatedTimes.AsNoTracking().SingleAsync(t => t.ProjectId == s.ProjectId));
        Assert.Equal((null, "", 3m), (hours.AccountId, hours.Note, hours.Hours));
        var entry = await ProBonoData.QueryAsync(app, db => db.ProjectLogEntries.AsNoTracking().SingleAsync(e => e.ProjectId == s.ProjectId));
        Assert.Null(entry.AuthorId);
        Assert.False(await ProBonoData.QueryAsync(app, db => db.Users.AnyAsync(u => u.Id == proId)));
        // The organization still sees the time given (at the default rate) and the log.
        var page = await PageAsync(s.Admin, s.Url);
        Assert.Contains("9,000", page, StringComparison.Ordinal);
        Assert.Contains("調査票を共有しました", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Both_sides_evaluate_a_completed_project_and_the_organization_answers_the_follow_up_three_months_later()
    {
        var s = await StaffedAsync("評価の会");
        var evaluation = $"{s.Url}/evaluation";
        var (pro, _) = s.Pros["design"];
        var early = await pro.PostFormAsync(evaluation, new() { ["Input.Rating"] = "5", ["Input.WouldJoinAgain"] = "true" }, "Evaluate");
        Assert.Contains("プロジェクトが完了してから評価できます", await early.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await ProBonoData.QueryAsync(app, db => db.ProjectEvaluations.CountAsync(e => e.ProjectId == s.ProjectId)));

        // The review completes the project and asks everyone on it, once.
        Assert.Equal(HttpStatusCode.Redirect, (await s.Admin.PostFormAsync($"{s.Url}?kind=Review&done=true", [], "Phase")).StatusCode);
        var asked = await ProBonoData.QueryAsync(app, db => db.Notifications.CountAsync(n => n.Kind == NotificationKind.ProBonoEvaluationRequested && n.Link == ProjectLinks.Evaluation(s.ProjectId)));
        Assert.Equal(4, asked);
        await s.Admin.PostFormAsync($"{s.Url}?kind=Review&done=false", [], "Phase");
        await s.Admin.PostFormAsync($"{s.Url}?kind=Review&done=true", [], "Phase");
        Assert.Equal(asked, await ProBonoData.QueryAsync(app, db => db.Notifications.CountAsync(n => n.Kind == NotificationKind.ProBonoEvaluationRequested && n.Link == ProjectLinks.Evaluation(s.ProjectId))));

        Assert.Contains("評価を1から5で選んでください。", await (await pro.PostFormAsync(evaluation, new() { ["Input.Rating"] = "6", ["Input.WouldJoinAgain"] = "true" }, "Evaluate")).HtmlAsync(), StringComparison.Ordinal);
        Assert.Contains("また参加したいかどうかを選んでください。", await (await pro.PostFormAsync(evaluation, new() { ["Input.Rating"] = "4" }, "Evaluate")).HtmlAsync(), StringComparison.Ordinal);
        Assert.Contains("成果物を使っているかどうかを選んでください。", await (await s.Admin.PostFormAsync(evaluation, new() { ["Input.Rating"] = "4" }, "Evaluate")).HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await pro.PostFormAsync(evaluation, new() { ["Input.Rating"] = "5", ["Input.WouldJoinAgain"] = "true", ["Input.Comment"] = "学びが多かった" }, "Evaluate")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await s.Admin.PostFormAsync(evaluation, new() { ["Input.Rating"] = "3", ["Input.Use"] = "WillUse" }, "Evaluate")).StatusCode);
        // A revision replaces the organization's one evaluation.
        Assert.Equal(HttpStatusCode.Redirect, (await s.Admin.PostFormAsync(evaluation, new() { ["Input.Rating"] = "4", ["Input.Use"] = "InUse", ["Input.Comment"] = "チラシを配り始めました" }, "Evaluate")).StatusCode);
        var rows = await ProBonoData.QueryAsync(app, db => db.ProjectEvaluations.AsNoTracking().Where(e => e.ProjectId == s.ProjectId).ToListAsync());
        Assert.Equal(2, rows.Count);
        var byOrganization = rows.Single(e => e.Side == EvaluationSide.Organization);
        Assert.Equal((4, DeliverableUse.InUse, (bool?)null), (byOrganization.Rating, byOrganization.Use, byOrganization.WouldJoinAgain));
        var page = await PageAsync(s.Pros["marketing"].Browser, evaluation);
        Assert.Contains("チラシを配り始めました", page, StringComparison.Ordinal);
        Assert.Contains("学びが多かった", page, StringComparison.Ordinal);

        // The follow-up: not yet; then three months on, asked once, and answered by the organization only.
        Assert.Contains("3か月後のアンケートは、完了から3か月たってからお答えいただけます。",
            await (await s.Admin.PostFormAsync(evaluation, new() { ["FollowUp.Use"] = "InUse" }, "FollowUp")).HtmlAsync(), StringComparison.Ordinal);
        var later = new Search.FixedClock(DateTimeOffset.UtcNow.AddMonths(ProBonoProject.FollowUpMonths).AddDays(1));
        Assert.Equal(0, await ProBonoData.QueryAsync(app, db => new SendFollowUps(db, new Search.FixedClock(DateTimeOffset.UtcNow.AddMonths(2))).RunAsync(default)));
        Assert.True(await ProBonoData.QueryAsync(app, db => new SendFollowUps(db, later).RunAsync(default)) >= 1);
        Assert.Equal(0, await ProBonoData.QueryAsync(app, db => new SendFollowUps(db, later).RunAsync(default)));
        var founder = await ProBonoData.QueryAsync(app, db => db.Memberships.Where(m => m.OrganizationId == s.OrganizationId).Select(m => m.AccountId).SingleAsync());
        Assert.Equal(1, await ProBonoData.QueryAsync(app, db => db.Notifications.CountAsync(n => n.AccountId == founder && n.Kind == NotificationKind.ProBonoFollowUp)));
        ProBonoData.AssertRefused(await pro.PostFormAsync(evaluation, new() { ["FollowUp.Use"] = "NotUsed" }, "FollowUp"));
        Assert.Equal(HttpStatusCode.Redirect, (await s.Admin.PostFormAsync(evaluation, new() { ["FollowUp.Use"] = "InUse", ["FollowUp.Comment"] = "毎月使っています" }, "FollowUp")).StatusCode);
        var project = await ProjectAsync(s.ProjectId);
        Assert.Equal((DeliverableUse.InUse, "毎月使っています"), (project.FollowUpUse, project.FollowUpComment));

        // Outsiders never see it; coordinators read it.
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignInAsync(Roles.Resident)).GetAsync(new Uri(evaluation, UriKind.Relative))).StatusCode);
        Assert.Contains("毎月使っています", await PageAsync(await app.SignInAsync(Roles.Coordinator), evaluation), StringComparison.Ordinal);
    }
}
