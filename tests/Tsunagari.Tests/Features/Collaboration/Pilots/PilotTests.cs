using System.Net;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Collaboration;
using Tsunagari.Features.Collaboration.Pilots;
using Tsunagari.Features.Organizations;
using Tsunagari.Tests.Features.Opportunities;
using Tsunagari.Tests.Features.ProBono;

namespace Tsunagari.Tests.Features.Collaboration.Pilots;

/// <summary>The pilot: milestones, reports (the final one with results against the goals) and the decision after it.</summary>
public sealed class PilotTests(TestApp app) : IClassFixture<TestApp>
{
    private Task<CollaborationPilot> PilotAsync(Guid id) => PilotData.QueryAsync(app, db => db.CollaborationPilots.AsNoTracking().SingleAsync(p => p.Id == id));

    private Task<Initiative> InitiativeAsync(Guid id) => PilotData.QueryAsync(app, db => db.Initiatives.AsNoTracking().SingleAsync(i => i.Id == id));

    private static Dictionary<string, string> Report(string kind, string text, string results = "") =>
        new() { ["NewReport.Kind"] = kind, ["NewReport.Text"] = text, ["NewReport.ResultsAgainstGoals"] = results };

    private static Dictionary<string, string> Decision(string decision, string reason) =>
        new() { ["Decision.Decision"] = decision, ["Decision.Reason"] = reason };

    [Fact]
    public async Task Both_sides_keep_milestones_and_reports_and_institutionalizing_moves_the_initiative_to_the_system_stage()
    {
        var (admin, organizationId) = await OpportunityData.OrgAdminAsync(app, "試行の会");
        var (proposalId, pilotId) = await PilotData.PilotAsync(app, organizationId, "居場所の試行");
        var coordinator = await app.SignInAsync(Roles.Coordinator);
        var url = PilotLinks.Pilot(pilotId);

        var page = await (await admin.GetAsync(new Uri(url, UriKind.Relative))).HtmlAsync();
        Assert.Contains(PilotLinks.Agreement(proposalId), page, StringComparison.Ordinal);
        Assert.Contains(PilotLinks.Evaluation(pilotId), page, StringComparison.Ordinal);
        // The proposal's goal beside the results field.
        Assert.Contains(PilotData.Goal, page, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Decide", page, StringComparison.Ordinal);

        // Milestones: a nameless one is refused; added, reached and reopened.
        Assert.Contains("マイルストーンの名前を入力してください。", await (await admin.PostFormAsync(url, new() { ["NewMilestone.Title"] = " ", ["NewMilestone.DueOn"] = "2027-06-30" }, "Milestone")).HtmlAsync(), StringComparison.Ordinal);
        Assert.Contains("期日を入力してください。", await (await admin.PostFormAsync(url, new() { ["NewMilestone.Title"] = "初回開催" }, "Milestone")).HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(url, new() { ["NewMilestone.Title"] = "初回開催", ["NewMilestone.DueOn"] = "2027-06-30" }, "Milestone")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync(url, new() { ["NewMilestone.Title"] = "利用者アンケート", ["NewMilestone.DueOn"] = "2027-09-30" }, "Milestone")).StatusCode);
        var milestones = await PilotData.QueryAsync(app, db => db.PilotMilestones.AsNoTracking().Where(m => m.PilotId == pilotId).OrderBy(m => m.DueOn).ToListAsync());
        Assert.Equal(["初回開催", "利用者アンケート"], milestones.Select(m => m.Title));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"{url}?milestoneId={milestones[0].Id}&reached=true", [], "Reach")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync($"{url}?milestoneId={milestones[1].Id}&reached=true", [], "Reach")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync($"{url}?milestoneId={milestones[1].Id}&reached=false", [], "Reach")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostFormAsync($"{url}?milestoneId={Guid.NewGuid()}&reached=true", [], "Reach")).StatusCode);
        var reached = await PilotData.QueryAsync(app, db => db.PilotMilestones.AsNoTracking().Where(m => m.PilotId == pilotId).OrderBy(m => m.DueOn).Select(m => m.ReachedOn).ToListAsync());
        Assert.NotNull(reached[0]);
        Assert.Null(reached[1]);

        // Reports from each side; a final report without results against the goals is refused.
        Assert.Contains("報告の内容を入力してください。", await (await admin.PostFormAsync(url, Report("Progress", ""), "Report")).HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(url, Report("Progress", "6月に初回を開きました"), "Report")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync(url, Report("MidTermReflection", "参加者が想定より多い"), "Report")).StatusCode);

        // No decision before the final report.
        var early = await coordinator.PostFormAsync(url, Decision("Institutionalize", "成果が出た"), "Decide");
        Assert.Contains("試行の後の判断は、最終報告が出てからできます。", await early.HtmlAsync(), StringComparison.Ordinal);
        Assert.Null((await PilotAsync(pilotId)).Decision);

        var noResults = await admin.PostFormAsync(url, Report("Final", "半年間の報告", "  "), "Report");
        Assert.Equal(HttpStatusCode.OK, noResults.StatusCode);
        Assert.Contains("最終報告には、提案の目標に対する成果を書いてください。", await noResults.HtmlAsync(), StringComparison.Ordinal);
        Assert.False(await PilotData.QueryAsync(app, db => db.PilotReports.AnyAsync(r => r.PilotId == pilotId && r.Kind == PilotReportKind.Final)));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(url, Report("Final", "半年間の報告", "週3日の開催を達成"), "Report")).StatusCode);
        var reports = await PilotData.QueryAsync(app, db => db.PilotReports.AsNoTracking().Where(r => r.PilotId == pilotId).ToListAsync());
        Assert.Equal(3, reports.Count);
        Assert.Equal(AgreementParty.Government, reports.Single(r => r.Kind == PilotReportKind.MidTermReflection).Side);
        var final = reports.Single(r => r.Kind == PilotReportKind.Final);
        Assert.Equal((AgreementParty.Partner, "週3日の開催を達成"), (final.Side, final.ResultsAgainstGoals));
        page = await (await admin.GetAsync(new Uri(url, UriKind.Relative))).HtmlAsync();
        Assert.Contains("中間ふりかえり", page, StringComparison.Ordinal);
        Assert.Contains("週3日の開催を達成", page, StringComparison.Ordinal);

        // The decision is the government's, and gives its reasons.
        ProBonoData.AssertRefused(await admin.PostFormAsync(url, Decision("Institutionalize", "成果が出た"), "Decide"));
        Assert.Contains("判断の理由を入力してください。", await (await coordinator.PostFormAsync(url, Decision("Institutionalize", " "), "Decide")).HtmlAsync(), StringComparison.Ordinal);
        Assert.Contains("試行の後の判断を選んでください。", await (await coordinator.PostFormAsync(url, Decision("", "成果が出た"), "Decide")).HtmlAsync(), StringComparison.Ordinal);
        Assert.Null((await PilotAsync(pilotId)).Decision);
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync(url, Decision("Institutionalize", "週3日の開催が定着したため制度化する"), "Decide")).StatusCode);

        var pilot = await PilotAsync(pilotId);
        Assert.Equal((PilotDecision.Institutionalize, "週3日の開催が定着したため制度化する", false), (pilot.Decision!.Value, pilot.DecisionReason, pilot.IsRunning));
        var initiative = await InitiativeAsync(pilot.InitiativeId);
        Assert.Equal((InitiativeType.Together, (CollaborationStage?)CollaborationStage.System), (initiative.Type, initiative.Stage));
        var change = await PilotData.QueryAsync(app, db => db.InitiativeChanges.AsNoTracking().SingleAsync(c => c.InitiativeId == initiative.Id && c.ToStage == CollaborationStage.System));
        Assert.Equal((CollaborationStage.Pilot, "週3日の開催が定着したため制度化する"), (change.FromStage!.Value, change.Reason));

        // Decided: no second decision, no more reports.
        Assert.Contains("この試行については、すでに判断しています。", await (await coordinator.PostFormAsync(url, Decision("Stop", "やめる"), "Decide")).HtmlAsync(), StringComparison.Ordinal);
        Assert.Contains("この試行は終わっています。", await (await admin.PostFormAsync(url, Report("Progress", "その後"), "Report")).HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(3, await PilotData.QueryAsync(app, db => db.PilotReports.CountAsync(r => r.PilotId == pilotId)));
    }

    [Fact]
    public async Task Continuing_keeps_the_pilot_running_and_stopping_ends_the_initiative_with_the_reason()
    {
        var (admin, organizationId) = await OpportunityData.OrgAdminAsync(app, "継続の会");
        var (_, pilotId) = await PilotData.PilotAsync(app, organizationId, "続ける試行");
        var coordinator = await app.SignInAsync(Roles.PrefectureAdmin);
        var url = PilotLinks.Pilot(pilotId);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(url, Report("Final", "報告", "目標の半分"), "Report")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync(url, Decision("Continue", "もう一年試す"), "Decide")).StatusCode);
        var pilot = await PilotAsync(pilotId);
        Assert.Equal((PilotDecision.Continue, "もう一年試す", true), (pilot.Decision!.Value, pilot.DecisionReason, pilot.IsRunning));
        var initiative = await InitiativeAsync(pilot.InitiativeId);
        Assert.Equal(((CollaborationStage?)CollaborationStage.Pilot, true), (initiative.Stage, initiative.IsActive));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(url, Report("Progress", "二年目も続けています"), "Report")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync(url, Decision("Stop", "担い手が見つからなかった"), "Decide")).StatusCode);
        pilot = await PilotAsync(pilotId);
        Assert.Equal((PilotDecision.Stop, false), (pilot.Decision!.Value, pilot.IsRunning));
        initiative = await InitiativeAsync(pilot.InitiativeId);
        Assert.False(initiative.IsActive);
        var ended = await PilotData.QueryAsync(app, db => db.InitiativeChanges.AsNoTracking().SingleAsync(c => c.InitiativeId == initiative.Id && c.Ended));
        Assert.Equal("担い手が見つからなかった", ended.Reason);

        // The pilot keeps its latest decision; the earlier decision to continue, with its reasons, is in the initiative's history.
        Assert.Equal("担い手が見つからなかった", pilot.DecisionReason);
        var history = await PilotData.QueryAsync(app, db => db.InitiativeChanges.AsNoTracking().Where(c => c.InitiativeId == initiative.Id).ToListAsync());
        var continued = Assert.Single(history, c => c.PilotContinued);
        Assert.Equal(("もう一年試す", InitiativeType.Together, (CollaborationStage?)CollaborationStage.Pilot, false), (continued.Reason, continued.ToType, continued.ToStage, continued.Ended));
        var page = await (await admin.GetAsync(new Uri($"/collaboration/initiatives/{initiative.Id}", UriKind.Relative))).HtmlAsync();
        Assert.Contains("試行の継続", page, StringComparison.Ordinal);
        Assert.Contains("もう一年試す", page, StringComparison.Ordinal);
        Assert.Contains("担い手が見つからなかった", page, StringComparison.Ordinal);
        // In English, people's own reasons stay as they wrote them.
        var english = await (await app.CreateBrowser("en").GetAsync(new Uri($"/collaboration/initiatives/{initiative.Id}", UriKind.Relative))).HtmlAsync();
        Assert.Contains("Pilot continued", english, StringComparison.Ordinal);
        Assert.Contains("もう一年試す", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stopping_one_of_the_pilots_on_an_initiative_ends_it_only_when_it_was_the_last_one_going_on()
    {
        var (admin, organizationId) = await OpportunityData.OrgAdminAsync(app, "共有の会");
        var coordinator = await app.SignInAsync(Roles.Coordinator);
        var initiativeId = await PilotData.InitiativeAsync(app, InitiativeType.Together, CollaborationStage.Pilot);
        var (_, first) = await PilotData.PilotAsync(app, organizationId, "共有の試行その1", initiativeId);
        var (_, second) = await PilotData.PilotAsync(app, organizationId, "共有の試行その2", initiativeId);
        foreach (var id in new[] { first, second })
            Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(PilotLinks.Pilot(id), Report("Final", "報告", "目標の半分"), "Report")).StatusCode);

        // The second pilot still runs: the initiative goes on.
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync(PilotLinks.Pilot(first), Decision("Stop", "会場が確保できなかった"), "Decide")).StatusCode);
        Assert.Equal(PilotDecision.Stop, (await PilotAsync(first)).Decision);
        Assert.True((await InitiativeAsync(initiativeId)).IsActive);
        Assert.False(await PilotData.QueryAsync(app, db => db.InitiativeChanges.AnyAsync(c => c.InitiativeId == initiativeId && c.Ended)));

        // A continued pilot goes on too, and then the last one stopped ends it.
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync(PilotLinks.Pilot(second), Decision("Continue", "もう半年"), "Decide")).StatusCode);
        Assert.True((await InitiativeAsync(initiativeId)).IsActive);
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync(PilotLinks.Pilot(second), Decision("Stop", "参加者が集まらなかった"), "Decide")).StatusCode);
        Assert.False((await InitiativeAsync(initiativeId)).IsActive);
        var ended = await PilotData.QueryAsync(app, db => db.InitiativeChanges.AsNoTracking().SingleAsync(c => c.InitiativeId == initiativeId && c.Ended));
        Assert.Equal("参加者が集まらなかった", ended.Reason);
    }

    [Fact]
    public async Task Stopping_a_pilot_leaves_an_initiative_another_pilot_built_into_a_system()
    {
        var (admin, organizationId) = await OpportunityData.OrgAdminAsync(app, "制度の会");
        var coordinator = await app.SignInAsync(Roles.Coordinator);
        var initiativeId = await PilotData.InitiativeAsync(app, InitiativeType.Together, CollaborationStage.Pilot);
        var (_, first) = await PilotData.PilotAsync(app, organizationId, "制度になる試行", initiativeId);
        var (_, second) = await PilotData.PilotAsync(app, organizationId, "やめる試行", initiativeId);
        foreach (var id in new[] { first, second })
            Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(PilotLinks.Pilot(id), Report("Final", "報告", "目標どおり"), "Report")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync(PilotLinks.Pilot(first), Decision("Institutionalize", "定着した"), "Decide")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync(PilotLinks.Pilot(second), Decision("Stop", "重なっていた"), "Decide")).StatusCode);
        var initiative = await InitiativeAsync(initiativeId);
        Assert.Equal((true, (CollaborationStage?)CollaborationStage.System), (initiative.IsActive, initiative.Stage));
    }

    [Fact]
    public async Task A_pilot_on_an_ended_initiative_can_only_be_stopped_and_a_later_pilot_starts_a_new_initiative()
    {
        var (admin, organizationId) = await OpportunityData.OrgAdminAsync(app, "終了後の会");
        var coordinator = await app.SignInAsync(Roles.Coordinator);
        var initiativeId = await PilotData.InitiativeAsync(app, InitiativeType.Together, CollaborationStage.Pilot);
        var (_, pilotId) = await PilotData.PilotAsync(app, organizationId, "取り残された試行", initiativeId);
        var url = PilotLinks.Pilot(pilotId);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(url, Report("Final", "報告", "目標の半分"), "Report")).StatusCode);
        // The initiative is ended on its page while the pilot runs.
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync($"/collaboration/initiatives/{initiativeId}", new() { ["EndReason"] = "施策を見直した" }, "End")).StatusCode);
        var historyBefore = await PilotData.QueryAsync(app, db => db.InitiativeChanges.CountAsync(c => c.InitiativeId == initiativeId));

        foreach (var decision in new[] { "Institutionalize", "Continue" })
        {
            var refused = await coordinator.PostFormAsync(url, Decision(decision, "続けたい"), "Decide");
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("この試行の取組はすでに終了しているため、判断は「終了する」だけを記録できます。", await refused.HtmlAsync(), StringComparison.Ordinal);
            Assert.Null((await PilotAsync(pilotId)).Decision);
        }
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync(url, Decision("Stop", "取組とともに終える"), "Decide")).StatusCode);
        Assert.Equal(PilotDecision.Stop, (await PilotAsync(pilotId)).Decision);
        Assert.Equal(historyBefore, await PilotData.QueryAsync(app, db => db.InitiativeChanges.CountAsync(c => c.InitiativeId == initiativeId)));

        // Another proposal of a call with the ended initiative: its pilot starts a new initiative, the ended one stays as it was.
        var (_, laterId) = await PilotData.PilotAsync(app, organizationId, "あとから始まる試行", initiativeId);
        var later = await PilotAsync(laterId);
        Assert.NotEqual(initiativeId, later.InitiativeId);
        var fresh = await InitiativeAsync(later.InitiativeId);
        Assert.Equal(("あとから始まる試行", InitiativeType.Together, (CollaborationStage?)CollaborationStage.Pilot, true),
            (fresh.Title, fresh.Type, fresh.Stage, fresh.IsActive));
        var ended = await InitiativeAsync(initiativeId);
        Assert.Equal((false, (CollaborationStage?)CollaborationStage.Pilot), (ended.IsActive, ended.Stage));
        Assert.Equal(historyBefore, await PilotData.QueryAsync(app, db => db.InitiativeChanges.CountAsync(c => c.InitiativeId == initiativeId)));
    }

    [Fact]
    public void An_ended_initiative_neither_moves_nor_ends_again()
    {
        var by = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        var initiative = new Initiative(new InitiativeDetails("終わった取組", "", InitiativeOwnerKind.Department, PilotData.Department, null, [], [], [], [], null, null, null),
            InitiativeType.Together, CollaborationStage.Pilot, by, now);
        initiative.End("終えた", by, now);
        Assert.Throws<InvalidOperationException>(() => initiative.Move(InitiativeType.Together, CollaborationStage.System, "制度化", by, now));
        Assert.Throws<InvalidOperationException>(() => initiative.End("もう一度", by, now));
        Assert.Throws<InvalidOperationException>(() => initiative.ContinuePilot("続ける", by, now));
        Assert.Equal((InitiativeType.Together, (CollaborationStage?)CollaborationStage.Pilot), (initiative.Type, initiative.Stage));
    }

    [Fact]
    public async Task Strangers_and_plain_members_are_told_the_pilot_does_not_exist()
    {
        var (admin, organizationId) = await OpportunityData.OrgAdminAsync(app, "秘密の会");
        var (_, pilotId) = await PilotData.PilotAsync(app, organizationId, "秘密の試行");
        var memberEmail = $"member-{Guid.NewGuid():N}@example.jp";
        var member = await app.SignInAsync(Roles.Resident, memberEmail);
        await PilotData.QueryAsync(app, async db =>
        {
            var id = await db.Users.Where(u => u.Email == memberEmail).Select(u => u.Id).SingleAsync();
            db.Memberships.Add(new Membership(organizationId, id, MembershipRole.Member, DateTimeOffset.UtcNow));
            return await db.SaveChangesAsync();
        });
        var (otherAdmin, _) = await OpportunityData.OrgAdminAsync(app, "隣の会");
        var stranger = await app.SignInAsync(Roles.Resident);
        foreach (var browser in new[] { member, otherAdmin, stranger })
        {
            foreach (var url in new[] { PilotLinks.Pilot(pilotId), PilotLinks.Evaluation(pilotId), PilotLinks.Pilot(Guid.NewGuid()) })
                Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
            var token = await AgreementTests.TokenAsync(browser);
            var post = await browser.PostAsync(new Uri($"{PilotLinks.Pilot(pilotId)}?handler=Report", UriKind.Relative),
                new FormUrlEncodedContent(new Dictionary<string, string>(Report("Progress", "よそから")) { ["__RequestVerificationToken"] = token }));
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        }
        Assert.Equal(0, await PilotData.QueryAsync(app, db => db.PilotReports.CountAsync(r => r.PilotId == pilotId)));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(new Uri(PilotLinks.Pilot(pilotId), UriKind.Relative))).StatusCode);
    }
}
