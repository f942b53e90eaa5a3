using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Collaboration;
using Tsunagari.Features.ImpactEvaluation;
using Tsunagari.Tests.Features.Collaboration.Calls;
using Tsunagari.Tests.Features.Collaboration.Initiatives;
using Tsunagari.Tests.Features.Opportunities;

namespace Tsunagari.Tests.Features.Insights;

/// <summary>The policy registry's coverage matrix, its filters and exports, and the progress of the initiatives' indicators.</summary>
public sealed class PolicyTests(TestApp app) : IClassFixture<TestApp>
{
    private static Uri Url(string path) => new(path, UriKind.Relative);

    /// <summary>The counts of a matrix row in the CSV: the five places, the total and the 「施策なし」 mark.</summary>
    private static string[] Row(string csv, string kind, int number)
    {
        var line = csv.Split("\r\n").Single(l => l.StartsWith($"{kind},{number},", StringComparison.Ordinal));
        return line.Split(',')[^7..];
    }

    [Fact]
    public async Task Staff_see_which_challenges_and_pathways_have_measures_by_type_and_stage()
    {
        var pilotInitiative = await InitiativeData.AddAsync(app, InitiativeData.Details("県全体の協働の試行", InitiativeOwnerKind.Group, "つながりの会",
            municipalities: [], challenges: [1, 2], pathways: [5]), InitiativeType.Together, CollaborationStage.Pilot);
        await InitiativeData.AddAsync(app, InitiativeData.Details("千葉市の住民の取組", municipalities: ["121002"], challenges: [1], pathways: [3]), InitiativeType.ByResidents);
        await InitiativeData.AddAsync(app, InitiativeData.Details("柏市の行政の取組", municipalities: ["122173"], challenges: [2], pathways: [3]), InitiativeType.ByGovernment);

        var staff = await app.SignInAsync(Roles.Coordinator);
        var all = await staff.GetAsync(Url("/insights/policy?format=csv"));
        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        var csv = await all.Content.ReadAsStringAsync();
        Assert.Equal(["1", "0", "0", "1", "0", "2", ""], Row(csv, "課題", 1));
        Assert.Equal(["0", "1", "0", "1", "0", "2", ""], Row(csv, "課題", 2));
        Assert.Equal(["0", "0", "0", "0", "0", "0", "施策なし"], Row(csv, "課題", 3));
        Assert.Equal(["1", "1", "0", "0", "0", "2", ""], Row(csv, "方策", 3));
        Assert.Equal(KyojoFramework.ChallengeCount + KyojoFramework.PathwayCount + 1, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);

        // 銚子市 has no initiative of its own: only the prefecture-wide one counts there.
        var choshi = await (await staff.GetAsync(Url("/insights/policy?format=csv&municipality=122025"))).Content.ReadAsStringAsync();
        Assert.Equal(["0", "0", "0", "1", "0", "1", ""], Row(choshi, "課題", 1));
        Assert.Equal(["0", "0", "0", "1", "0", "1", ""], Row(choshi, "課題", 2));
        var byGroups = await (await staff.GetAsync(Url("/insights/policy?format=csv&owner=Group"))).Content.ReadAsStringAsync();
        Assert.Equal(["0", "0", "0", "0", "0", "0", "施策なし"], Row(byGroups, "方策", 3));

        var html = await (await staff.GetAsync(Url("/insights/policy"))).HtmlAsync();
        Assert.Contains("<a href=\"/collaboration/initiatives?type=27&challenge=1\"", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/collaboration/initiatives?type=29&stage=Pilot&challenge=1\"", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"number\">施策なし</td>", html, StringComparison.Ordinal);
        Assert.Contains("<tr class=\"coverage-empty\">", html, StringComparison.Ordinal);

        var wrong = await (await staff.GetAsync(Url("/insights/policy?owner=Mayor&municipality=131016"))).HtmlAsync();
        Assert.Contains("担い手の種類は Department・Organization・Group のどれかで指定してください。", wrong, StringComparison.Ordinal);
        Assert.Contains("コード「131016」の市区町村は見つかりません。", wrong, StringComparison.Ordinal);
        Assert.Contains("市区町村は6桁の全国地方公共団体コードで指定してください。", await (await staff.GetAsync(Url("/insights/policy?municipality=12"))).HtmlAsync(), StringComparison.Ordinal);

        await ProgressAsync(pilotInitiative);
        var withProgress = await (await staff.GetAsync(Url("/insights/policy"))).HtmlAsync();
        Assert.Contains("清掃に参加した人の数", withProgress, StringComparison.Ordinal);
        Assert.Contains("72 人", withProgress, StringComparison.Ordinal);
        Assert.Contains("80 人", withProgress, StringComparison.Ordinal);
        var progressCsv = await (await staff.GetAsync(Url("/insights/policy?format=csv&table=progress"))).Content.ReadAsStringAsync();
        Assert.Contains("県全体の協働の試行,浜の清掃の評価,清掃に参加した人の数,人,0,72,", progressCsv, StringComparison.Ordinal);
        Assert.Contains("90%", progressCsv, StringComparison.Ordinal);

        var english = await app.SignInAsync(Roles.PrefectureAdmin);
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        Assert.Contains("Policy registry", await (await english.GetAsync(Url("/insights/policy"))).HtmlAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Residents_and_visitors_cannot_open_the_registry()
    {
        var anonymous = await app.CreateBrowser().GetAsync(Url("/insights/policy"));
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/login", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var resident = await app.SignInAsync(Roles.Resident);
        var refused = await resident.GetAsync(Url("/insights/policy?format=csv"));
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
    }

    /// <summary>A pilot of the initiative with a logic model and one indicator: 72 people against a target of 80 from a baseline of 0.</summary>
    private async Task ProgressAsync(Guid initiativeId)
    {
        var (_, organizationId) = await OpportunityData.OrgAdminAsync(app, "浜の清掃の会");
        var callId = await CallData.CallAsync(app, CallStatus.Closed);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var founder = await db.Memberships.Where(m => m.OrganizationId == organizationId).Select(m => m.AccountId).FirstAsync();
        var proposalId = await CallData.ProposalAsync(app, callId, founder);
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var pilot = new CollaborationPilot(proposalId, initiativeId, now);
        db.CollaborationPilots.Add(pilot);
        var model = new LogicModel(organizationId, "浜の清掃の評価", today.AddMonths(-6), today.AddMonths(6), founder, now) { PilotId = pilot.Id };
        var outcome = model.AddElement(ElementKind.Output, "清掃を月2回行う");
        db.LogicModels.Add(model);
        var indicator = new Indicator(model.Id, outcome.Id, "清掃に参加した人の数", IndicatorSource.Manual, now) { Unit = "人", Baseline = 0m };
        indicator.SetTargets([new IndicatorTarget(today.AddMonths(3), 80m)]);
        db.Indicators.Add(indicator);
        db.Measurements.Add(new Measurement(indicator.Id, today.AddDays(-7), 72m, "記録", null, founder, now));
        await db.SaveChangesAsync();
    }
}
