using System.Net;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Engagement;
using Tsunagari.Features.ProBono;
using Tsunagari.Tests.Features.Opportunities;

namespace Tsunagari.Tests.Features.ProBono;

/// <summary>A coordinator runs a round: solve, adjust, send; professionals answer; declines get replacements.</summary>
public sealed class RoundsTests(TestApp app) : IClassFixture<TestApp>
{
    private sealed record Setup(HttpClient Admin, Guid OrganizationId, Guid ChallengeId, Guid RoundId, HttpClient Coordinator,
        Dictionary<string, (HttpClient Browser, Guid Id)> Pros);

    /// <summary>One accepted challenge (project manager, marketer, designer) in a round, and one professional per role.</summary>
    private async Task<Setup> SetUpAsync(string name, int maxSize = 5)
    {
        await ProBonoData.DeactivateEveryoneAsync(app);
        var (admin, organizationId) = await OpportunityData.OrgAdminAsync(app, name);
        var challengeId = await ProBonoData.ChallengeAsync(app, organizationId, details: ProBonoData.Details(name + "の課題"));
        var roundId = await ProBonoData.RoundAsync(app, maxSize, challengeId);
        var pros = new Dictionary<string, (HttpClient, Guid)>(StringComparer.Ordinal);
        foreach (var skill in new[] { "project-management", "marketing", "design" })
            pros[skill] = await ProBonoData.ProfessionalAsync(app, skill);
        return new Setup(admin, organizationId, challengeId, roundId, await app.SignInAsync(Roles.Coordinator), pros);
    }

    private Task<List<RoundAssignment>> RowsAsync(Guid challengeId) =>
        ProBonoData.QueryAsync(app, db => db.RoundAssignments.AsNoTracking().Where(a => a.ChallengeId == challengeId).OrderBy(a => a.CreatedAt).ToListAsync());

    private Task<Challenge> ChallengeAsync(Guid id) => ProBonoData.QueryAsync(app, db => db.Challenges.AsNoTracking().SingleAsync(c => c.Id == id));

    private static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string url, string handler, Dictionary<string, string>? fields = null) =>
        await browser.PostFormAsync(url, fields ?? [], handler);

    [Fact]
    public async Task A_coordinator_runs_a_round_sends_the_proposals_and_the_team_is_staffed_when_everyone_accepts()
    {
        var s = await SetUpAsync("編成の会");
        var round = $"/probono/rounds/{s.RoundId}";
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(s.Coordinator, round, "Run")).StatusCode);
        var rows = await RowsAsync(s.ChallengeId);
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Null(r.SentAt));
        Assert.Equal(["design", "marketing", "project-management"], rows.Select(r => r.Role).Order(StringComparer.Ordinal));
        // Level 3 + preferred field + preferred municipality.
        Assert.All(rows, r => Assert.Equal(5, r.Fit));

        var page = await (await s.Coordinator.GetAsync(new Uri(round, UriKind.Relative))).HtmlAsync();
        Assert.Contains("1件／1件", page, StringComparison.Ordinal);
        Assert.Contains("15", page, StringComparison.Ordinal);
        Assert.Contains("最適であることが証明されています", page, StringComparison.Ordinal);
        Assert.Contains("厳密解法（CP-SAT）", page, StringComparison.Ordinal);
        Assert.True(await ProBonoData.QueryAsync(app, db => db.AuditEntries.AnyAsync(e => e.Action == AuditTrail.Actions.ViewPersonalData && e.Detail == $"probono round {s.RoundId}")));

        // Nothing is sent before the coordinator sends: the professionals see no proposal yet.
        Assert.Contains("まだ提案はありません。", await (await s.Pros["design"].Browser.GetAsync(new Uri("/me/probono", UriKind.Relative))).HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(s.Coordinator, round, "Send")).StatusCode);
        rows = await RowsAsync(s.ChallengeId);
        Assert.All(rows, r => Assert.NotNull(r.SentAt));
        var proposals = await ProBonoData.QueryAsync(app, db => db.Notifications.AsNoTracking().Where(n => n.Kind == NotificationKind.ProBonoProposal).Select(n => n.AccountId).ToListAsync());
        Assert.Equal(s.Pros.Values.Select(p => p.Id).Order(), proposals.Where(a => s.Pros.Values.Any(p => p.Id == a)).Order());

        // Someone else's proposal does not exist for them.
        var designRow = rows.Single(r => r.Role == "design");
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(s.Pros["marketing"].Browser, "/me/probono", "Accept", new() { ["assignmentId"] = designRow.Id.ToString() })).StatusCode);

        foreach (var (skill, (browser, id)) in s.Pros)
        {
            var html = await (await browser.GetAsync(new Uri("/me/probono", UriKind.Relative))).HtmlAsync();
            Assert.Contains("編成の会の課題", html, StringComparison.Ordinal);
            var row = rows.Single(r => r.AccountId == id);
            Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(browser, "/me/probono", "Accept", new() { ["assignmentId"] = row.Id.ToString() })).StatusCode);
            if (skill != "design") Assert.Equal(ChallengeStatus.InRound, (await ChallengeAsync(s.ChallengeId)).Status);
        }
        Assert.Equal(ChallengeStatus.Staffed, (await ChallengeAsync(s.ChallengeId)).Status);
        var founder = await ProBonoData.QueryAsync(app, db => db.Memberships.Where(m => m.OrganizationId == s.OrganizationId).Select(m => m.AccountId).SingleAsync());
        Assert.True(await ProBonoData.QueryAsync(app, db => db.Notifications.AnyAsync(n => n.AccountId == founder && n.Kind == NotificationKind.ProBonoChallengeStaffed)));
        var challengePage = await (await s.Admin.GetAsync(new Uri($"/probono/challenges/{s.ChallengeId}", UriKind.Relative))).HtmlAsync();
        Assert.Contains("チーム決定", challengePage, StringComparison.Ordinal);

        // Accepting twice is a clear message, not a change.
        var twice = await PostAsync(s.Pros["design"].Browser, "/me/probono", "Accept", new() { ["assignmentId"] = designRow.Id.ToString() });
        Assert.Contains("この提案にはすでに回答しています。", await twice.HtmlAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_decline_brings_a_replacement_that_the_coordinator_sends_and_the_decliner_is_never_proposed_again()
    {
        var s = await SetUpAsync("辞退の会");
        var round = $"/probono/rounds/{s.RoundId}";
        await PostAsync(s.Coordinator, round, "Run");
        await PostAsync(s.Coordinator, round, "Send");
        var rows = await RowsAsync(s.ChallengeId);
        var replacement = await ProBonoData.ProfessionalAsync(app, "design", level: 2);

        var designer = s.Pros["design"];
        var declined = await PostAsync(designer.Browser, "/me/probono", "Decline",
            new() { ["assignmentId"] = rows.Single(r => r.AccountId == designer.Id).Id.ToString(), ["reason"] = "仕事が忙しくなりました" });
        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        rows = await RowsAsync(s.ChallengeId);
        Assert.Equal(AssignmentResponse.Declined, rows.Single(r => r.AccountId == designer.Id).Response);
        Assert.Equal("仕事が忙しくなりました", rows.Single(r => r.AccountId == designer.Id).DeclineReason);
        var suggested = rows.Single(r => r.AccountId == replacement.Id);
        Assert.Null(suggested.SentAt);
        Assert.Equal("design", suggested.Role);
        var page = await (await s.Coordinator.GetAsync(new Uri(round, UriKind.Relative))).HtmlAsync();
        Assert.Contains("仕事が忙しくなりました", page, StringComparison.Ordinal);

        // Re-running keeps everyone already asked and never brings the decliner back.
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(s.Coordinator, round, "Run")).StatusCode);
        rows = await RowsAsync(s.ChallengeId);
        Assert.DoesNotContain(rows, r => r.AccountId == designer.Id && r.Current);
        Assert.Equal(3, rows.Count(r => r.Current));

        await PostAsync(s.Coordinator, round, "Send");
        var sent = (await RowsAsync(s.ChallengeId)).Single(r => r.AccountId == replacement.Id && r.Current);
        Assert.NotNull(sent.SentAt);
        foreach (var row in (await RowsAsync(s.ChallengeId)).Where(r => r.Current))
        {
            var browser = row.AccountId == replacement.Id ? replacement.Browser : s.Pros.Values.Single(p => p.Id == row.AccountId).Browser;
            await PostAsync(browser, "/me/probono", "Accept", new() { ["assignmentId"] = row.Id.ToString() });
        }
        Assert.Equal(ChallengeStatus.Staffed, (await ChallengeAsync(s.ChallengeId)).Status);

        // Answering a proposal already declined is refused.
        var again = await PostAsync(designer.Browser, "/me/probono", "Accept", new() { ["assignmentId"] = rows.Single(r => r.AccountId == designer.Id).Id.ToString() });
        Assert.Contains("この提案にはすでに回答しています。", await again.HtmlAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_replacement_the_challenge_is_left_unstaffed_with_its_reason_and_the_team_is_released()
    {
        var s = await SetUpAsync("交代なしの会");
        var round = $"/probono/rounds/{s.RoundId}";
        await PostAsync(s.Coordinator, round, "Run");
        await PostAsync(s.Coordinator, round, "Send");
        var rows = await RowsAsync(s.ChallengeId);
        var designer = s.Pros["design"];
        await PostAsync(designer.Browser, "/me/probono", "Decline", new() { ["assignmentId"] = rows.Single(r => r.AccountId == designer.Id).Id.ToString() });

        var challenge = await ChallengeAsync(s.ChallengeId);
        Assert.Equal(ChallengeStatus.Unstaffed, challenge.Status);
        Assert.Equal("design", challenge.UnstaffedSkill);
        rows = await RowsAsync(s.ChallengeId);
        Assert.DoesNotContain(rows, r => r.Current);
        Assert.Equal(2, rows.Count(r => r.Response == AssignmentResponse.Withdrawn));
        var cancelled = await ProBonoData.QueryAsync(app, db => db.Notifications.Where(n => n.Kind == NotificationKind.ProBonoTeamCancelled).Select(n => n.AccountId).ToListAsync());
        Assert.Contains(s.Pros["marketing"].Id, cancelled);
        var page = await (await s.Coordinator.GetAsync(new Uri(round, UriKind.Relative))).HtmlAsync();
        Assert.Contains("役割「デザイン」を担える人が、この回の専門人材にいません", page, StringComparison.Ordinal);

        // Running again does not loop: still nobody, still unstaffed, nobody proposed twice.
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(s.Coordinator, round, "Run")).StatusCode);
        Assert.Equal(ChallengeStatus.Unstaffed, (await ChallengeAsync(s.ChallengeId)).Status);
        Assert.DoesNotContain(await RowsAsync(s.ChallengeId), r => r.Current);
    }

    [Fact]
    public async Task The_coordinator_locks_replaces_and_removes_members_and_a_rerun_keeps_the_locked_ones()
    {
        var s = await SetUpAsync("調整の会", maxSize: 3);
        var secondManager = await ProBonoData.ProfessionalAsync(app, "project-management", level: 1);
        var round = $"/probono/rounds/{s.RoundId}";
        await PostAsync(s.Coordinator, round, "Run");
        var rows = await RowsAsync(s.ChallengeId);
        Assert.Equal(3, rows.Count);
        var manager = rows.Single(r => r.Role == "project-management");
        Assert.Equal(s.Pros["project-management"].Id, manager.AccountId); // level 3 beats level 1

        // Replace the manager by the other one (offered as a candidate), which locks the choice.
        var page = await (await s.Coordinator.GetAsync(new Uri(round, UriKind.Relative))).HtmlAsync();
        Assert.Contains($"value=\"{secondManager.Id}\"", page, StringComparison.Ordinal);
        var stranger = await ProBonoData.ProfessionalAsync(app, "law");
        var refused = await PostAsync(s.Coordinator, round, "Replace", new() { ["assignmentId"] = manager.Id.ToString(), ["accountId"] = stranger.Id.ToString() });
        Assert.Contains("その人はこの役割に入れません。", await refused.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(s.Coordinator, round, "Replace", new() { ["assignmentId"] = manager.Id.ToString(), ["accountId"] = secondManager.Id.ToString() })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(s.Coordinator, round, "Run")).StatusCode);
        rows = await RowsAsync(s.ChallengeId);
        var current = rows.Where(r => r.Current).ToList();
        Assert.Contains(current, r => r.AccountId == secondManager.Id && r.Locked);
        Assert.DoesNotContain(current, r => r.AccountId == s.Pros["project-management"].Id);

        // Lock the marketer, then remove the only designer: the locked members cannot make a team, which is said plainly.
        var marketer = current.Single(r => r.Role == "marketing");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(s.Coordinator, round, "Lock", new() { ["assignmentId"] = marketer.Id.ToString() })).StatusCode);
        var designer = current.Single(r => r.Role == "design");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(s.Coordinator, round, "Remove", new() { ["assignmentId"] = designer.Id.ToString() })).StatusCode);
        var rerun = await PostAsync(s.Coordinator, round, "Run");
        Assert.Equal(HttpStatusCode.OK, rerun.StatusCode);
        Assert.Contains("固定したメンバーではチームを編成できません", await rerun.HtmlAsync(), StringComparison.Ordinal);
        Assert.True((await RowsAsync(s.ChallengeId)).Single(r => r.Id == marketer.Id).Locked); // nothing lost

        // An incomplete team is not sent.
        var send = await PostAsync(s.Coordinator, round, "Send");
        Assert.Contains("送る提案がありません。", await send.HtmlAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_round_without_challenges_or_without_professionals_says_so()
    {
        var coordinator = await app.SignInAsync(Roles.Coordinator);
        var empty = await ProBonoData.RoundAsync(app);
        var html = await (await PostAsync(coordinator, $"/probono/rounds/{empty}", "Run")).HtmlAsync();
        Assert.Contains("この回には、チームを編成する課題がありません。", html, StringComparison.Ordinal);

        await ProBonoData.DeactivateEveryoneAsync(app);
        var (_, organizationId) = await OpportunityData.OrgAdminAsync(app, "人のいない会");
        var roundId = await ProBonoData.RoundAsync(app, await ProBonoData.ChallengeAsync(app, organizationId));
        html = await (await PostAsync(coordinator, $"/probono/rounds/{roundId}", "Run")).HtmlAsync();
        Assert.Contains("プロボノに登録している人がいません。", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_coordinators_run_rounds_and_answers_are_only_the_professionals_own()
    {
        var s = await SetUpAsync("権限の会");
        var round = $"/probono/rounds/{s.RoundId}";
        ProBonoData.AssertRefused(await s.Admin.GetAsync(new Uri(round, UriKind.Relative)));
        ProBonoData.AssertRefused(await s.Pros["design"].Browser.GetAsync(new Uri(round, UriKind.Relative)));
        Assert.Equal(HttpStatusCode.NotFound, (await s.Coordinator.GetAsync(new Uri($"/probono/rounds/{Guid.NewGuid()}", UriKind.Relative))).StatusCode);
        await PostAsync(s.Coordinator, round, "Run");
        // Unsent proposals cannot be answered (they are the coordinator's draft).
        var draft = (await RowsAsync(s.ChallengeId)).Single(r => r.Role == "design");
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(s.Pros["design"].Browser, "/me/probono", "Accept", new() { ["assignmentId"] = draft.Id.ToString() })).StatusCode);
        // A professional sees the challenge they were proposed for only once it is sent.
        Assert.Equal(HttpStatusCode.NotFound, (await s.Pros["design"].Browser.GetAsync(new Uri($"/probono/challenges/{s.ChallengeId}", UriKind.Relative))).StatusCode);
        await PostAsync(s.Coordinator, round, "Send");
        Assert.Equal(HttpStatusCode.OK, (await s.Pros["design"].Browser.GetAsync(new Uri($"/probono/challenges/{s.ChallengeId}", UriKind.Relative))).StatusCode);
    }
}
