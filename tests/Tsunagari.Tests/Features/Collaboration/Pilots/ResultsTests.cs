using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tsunagari.Data;
using Tsunagari.Features.Collaboration;
using Tsunagari.Features.Collaboration.Pilots;
using Tsunagari.Tests.Features.Opportunities;

namespace Tsunagari.Tests.Features.Collaboration.Pilots;

/// <summary>The public results page and API: adopted proposals, their pilots and what followed, without personal names.</summary>
public sealed class ResultsTests(TestApp app) : IClassFixture<TestApp>
{
    /// <summary>A pilot with one of two milestones reached, a final report, both evaluations and a decision to institutionalize.</summary>
    private async Task<(Guid OrganizationId, Guid ProposalId, Guid PilotId)> FinishedAsync(string name)
    {
        var (_, organizationId) = await OpportunityData.OrgAdminAsync(app, name);
        var (proposalId, pilotId) = await PilotData.PilotAsync(app, organizationId, name + "の試行");
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var pilot = await db.CollaborationPilots.SingleAsync(p => p.Id == pilotId);
        var by = (await db.CollaborationProposals.SingleAsync(p => p.Id == proposalId)).ProposerId!.Value;
        var now = DateTimeOffset.UtcNow;
        var reached = new PilotMilestone(pilotId, "初回開催", new DateOnly(2027, 6, 30));
        reached.Reach(new DateOnly(2027, 6, 29));
        db.PilotMilestones.AddRange(reached, new PilotMilestone(pilotId, "アンケート", new DateOnly(2027, 9, 30)));
        db.PilotReports.Add(new PilotReport(pilotId, PilotReportKind.Final, "報告", "利用者が倍になった", AgreementParty.Partner, by, now));
        var government = new PilotEvaluation(pilotId, AgreementParty.Government);
        government.Answer([5, 5, 4, 4, 4], "", by, now);
        db.PilotEvaluations.Add(government);
        await DecidePilot.RunAsync(db, pilot, PilotDecision.Institutionalize, "定着したため", by, now, CancellationToken.None);
        await db.SaveChangesAsync();
        return (organizationId, proposalId, pilotId);
    }

    private async Task AnswerPartnerAsync(Guid pilotId)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var by = await db.Users.Select(u => u.Id).FirstAsync();
        var partner = new PilotEvaluation(pilotId, AgreementParty.Partner);
        partner.Answer([3, 4, 3, 4, 3], "", by, DateTimeOffset.UtcNow);
        db.PilotEvaluations.Add(partner);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task The_public_page_shows_adopted_proposals_and_their_pilots_results_without_personal_names()
    {
        var (organizationId, proposalId, pilotId) = await FinishedAsync("公開の会");
        var conditioned = await PilotData.ProposalAsync(app, organizationId, "条件付きの提案", decision: ProposalStatus.AdoptedWithConditions, conditions: "安全計画を出すこと");
        await PilotData.ProposalAsync(app, organizationId, "採られなかった提案", decision: ProposalStatus.NotAdopted);
        var anonymous = app.CreateBrowser();

        var page = await (await anonymous.GetAsync(new Uri("/collaboration/results", UriKind.Relative))).HtmlAsync();
        Assert.Contains("公開の会の試行", page, StringComparison.Ordinal);
        Assert.Contains("公開の会", page, StringComparison.Ordinal);
        Assert.Contains("公開の会の試行の募集", page, StringComparison.Ordinal);
        Assert.Contains("地域の課題に合っている", page, StringComparison.Ordinal);
        Assert.Contains("条件付きの提案", page, StringComparison.Ordinal);
        Assert.Contains("安全計画を出すこと", page, StringComparison.Ordinal);
        Assert.Contains("協定の締結に向けて準備中です。", page, StringComparison.Ordinal);
        Assert.DoesNotContain("採られなかった提案", page, StringComparison.Ordinal);
        Assert.Contains("2件中1件達成", page, StringComparison.Ordinal);
        Assert.Contains("利用者が倍になった", page, StringComparison.Ordinal);
        Assert.Contains("制度化する", page, StringComparison.Ordinal);
        Assert.Contains("定着したため", page, StringComparison.Ordinal);
        // One side's evaluation is not published until the other has answered.
        Assert.Contains("相互評価は、双方が答えると載ります。", page, StringComparison.Ordinal);
        Assert.DoesNotContain("「公開の会の試行」の相互評価", page, StringComparison.Ordinal);
        // No person: neither the signatories nor the proposer's account.
        var founder = await PilotData.QueryAsync(app, db => db.Users.Where(u => db.Memberships.Any(m => m.OrganizationId == organizationId && m.AccountId == u.Id)).Select(u => u.DisplayName).SingleAsync());
        Assert.DoesNotContain(founder, page, StringComparison.Ordinal);
        Assert.DoesNotContain("行政太郎", page, StringComparison.Ordinal);
        Assert.DoesNotContain("提案花子", page, StringComparison.Ordinal);

        await AnswerPartnerAsync(pilotId);
        page = await (await anonymous.GetAsync(new Uri("/collaboration/results", UriKind.Relative))).HtmlAsync();
        Assert.Contains("「公開の会の試行」の相互評価", page, StringComparison.Ordinal);
        Assert.Contains("<td>4.4</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td>3.4</td>", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri("/collaboration/results?page=99", UriKind.Relative))).StatusCode);
        _ = (proposalId, conditioned);
    }

    [Fact]
    public async Task The_api_lists_pilot_results_by_page_and_one_by_id_without_personal_names()
    {
        var (organizationId, proposalId, pilotId) = await FinishedAsync("データの会");
        await AnswerPartnerAsync(pilotId);
        await PilotData.PilotAsync(app, organizationId, "二つ目の試行");
        var anonymous = app.CreateBrowser();

        var list = await anonymous.GetAsync(new Uri("/api/v1/collaboration/pilots?pageSize=1", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        using (var json = JsonDocument.Parse(await list.Content.ReadAsStringAsync()))
        {
            Assert.True(json.RootElement.GetProperty("total").GetInt32() >= 2);
            Assert.Equal(1, json.RootElement.GetProperty("pageSize").GetInt32());
            Assert.Equal(1, json.RootElement.GetProperty("items").GetArrayLength());
        }

        var one = await anonymous.GetAsync(new Uri($"/api/v1/collaboration/pilots/{pilotId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        var text = await one.Content.ReadAsStringAsync();
        using (var json = JsonDocument.Parse(text))
        {
            var r = json.RootElement;
            Assert.Equal("データの会の試行", r.GetProperty("proposalTitle").GetString());
            Assert.Equal(proposalId, r.GetProperty("proposalId").GetGuid());
            Assert.Equal("データの会", r.GetProperty("organization").GetString());
            var initiative = await PilotData.QueryAsync(app, db => db.CollaborationPilots.Where(p => p.Id == pilotId).Select(p => p.InitiativeId).SingleAsync());
            Assert.Equal(initiative, r.GetProperty("initiativeId").GetGuid());
            Assert.Equal(2, r.GetProperty("milestones").GetArrayLength());
            Assert.Equal(1, r.GetProperty("milestonesReached").GetInt32());
            Assert.Equal("利用者が倍になった", r.GetProperty("resultsAgainstGoals").GetString());
            Assert.Equal("Institutionalize", r.GetProperty("decision").GetString());
            Assert.Equal("定着したため", r.GetProperty("decisionReason").GetString());
            var evaluations = r.GetProperty("evaluations");
            Assert.Equal(2, evaluations.GetArrayLength());
            Assert.Equal("Government", evaluations[0].GetProperty("side").GetString());
            Assert.Equal(4.4, evaluations[0].GetProperty("average").GetDouble());
            Assert.Equal(PilotEvaluation.Questions.Count, evaluations[1].GetProperty("ratings").GetArrayLength());
            Assert.Equal(4, evaluations[1].GetProperty("ratings")[1].GetProperty("rating").GetInt32());
        }
        Assert.DoesNotContain("行政太郎", text, StringComparison.Ordinal);
        Assert.DoesNotContain("提案花子", text, StringComparison.Ordinal);
        Assert.DoesNotContain("@example.jp", text, StringComparison.Ordinal);

        var missing = await anonymous.GetAsync(new Uri($"/api/v1/collaboration/pilots/{Guid.NewGuid()}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        foreach (var bad in new[] { "pageSize=0", "pageSize=101", "page=0", "page=x" })
        {
            var response = await anonymous.GetAsync(new Uri($"/api/v1/collaboration/pilots?{bad}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        var openApi = await (await anonymous.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative))).Content.ReadAsStringAsync();
        Assert.Contains("/api/v1/collaboration/pilots/{id}", openApi, StringComparison.Ordinal);
        Assert.Contains("ListPilotResults", openApi, StringComparison.Ordinal);
    }
}
