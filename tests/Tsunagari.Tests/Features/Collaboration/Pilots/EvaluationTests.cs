using System.Net;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Collaboration;
using Tsunagari.Features.Collaboration.Pilots;
using Tsunagari.Tests.Features.Opportunities;

namespace Tsunagari.Tests.Features.Collaboration.Pilots;

/// <summary>The mutual evaluation: the same questions for both sides, one answer per side, shown side by side after one's own.</summary>
public sealed class EvaluationTests(TestApp app) : IClassFixture<TestApp>
{
    private static Dictionary<string, string> Ratings(string comment, params string[] ratings)
    {
        var form = new Dictionary<string, string> { ["Input.Comment"] = comment };
        for (var i = 0; i < ratings.Length; i++) form[$"Input.Ratings[{i}]"] = ratings[i];
        return form;
    }

    [Fact]
    public async Task Each_side_answers_once_and_sees_the_other_sides_answers_only_after_its_own()
    {
        var (admin, organizationId) = await OpportunityData.OrgAdminAsync(app, "評価の会");
        var (_, pilotId) = await PilotData.PilotAsync(app, organizationId, "評価の試行");
        var coordinator = await app.SignInAsync(Roles.Coordinator);
        var url = PilotLinks.Evaluation(pilotId);

        var form = await (await admin.GetAsync(new Uri(url, UriKind.Relative))).HtmlAsync();
        foreach (var question in PilotEvaluation.Questions) Assert.Contains($"<legend>{question}</legend>", form, StringComparison.Ordinal);
        Assert.Contains("相手の評価に引きずられずに", form, StringComparison.Ordinal);

        // Every question rated 1 to 5.
        var outside = await admin.PostFormAsync(url, Ratings("", "5", "4", "6", "0", "3"));
        Assert.Equal(HttpStatusCode.OK, outside.StatusCode);
        var html = await outside.HtmlAsync();
        Assert.Contains($"「{PilotEvaluation.Questions[2]}」を1から5で選んでください。", html, StringComparison.Ordinal);
        Assert.Contains($"「{PilotEvaluation.Questions[3]}」を1から5で選んでください。", html, StringComparison.Ordinal);
        Assert.Contains($"「{PilotEvaluation.Questions[4]}」を1から5で選んでください。",
            await (await admin.PostFormAsync(url, Ratings("", "5", "4", "3", "2"))).HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await PilotData.QueryAsync(app, db => db.PilotEvaluations.CountAsync(e => e.PilotId == pilotId)));

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(url, Ratings("会場の調整が早かった", "5", "4", "4", "3", "5"))).StatusCode);
        // The government has not answered: it does not see the partner's answers yet.
        var before = await (await coordinator.GetAsync(new Uri(url, UriKind.Relative))).HtmlAsync();
        Assert.DoesNotContain("会場の調整が早かった", before, StringComparison.Ordinal);
        Assert.Contains("相手側は評価を済ませています。", before, StringComparison.Ordinal);
        // The partner sees its own column and waits for the other.
        var partnerView = await (await admin.GetAsync(new Uri(url, UriKind.Relative))).HtmlAsync();
        Assert.Contains("会場の調整が早かった", partnerView, StringComparison.Ordinal);
        Assert.Contains("未回答", partnerView, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync(url, Ratings("記録が丁寧だった", "4", "4", "3", "4", "4"))).StatusCode);
        var after = await (await coordinator.GetAsync(new Uri(url, UriKind.Relative))).HtmlAsync();
        Assert.Contains("会場の調整が早かった", after, StringComparison.Ordinal);
        Assert.Contains("記録が丁寧だった", after, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">行政</th>", after, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">提案者</th>", after, StringComparison.Ordinal);
        // The averages: 行政 (4, 4, 3, 4, 4) and 提案者 (5, 4, 4, 3, 5).
        Assert.Contains("<td>3.8</td>", after, StringComparison.Ordinal);
        Assert.Contains("<td>4.2</td>", after, StringComparison.Ordinal);

        // A revision replaces the side's one evaluation.
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(url, Ratings("見直しました", "3", "3", "3", "3", "3"))).StatusCode);
        var rows = await PilotData.QueryAsync(app, db => db.PilotEvaluations.AsNoTracking().Where(e => e.PilotId == pilotId).ToListAsync());
        Assert.Equal(2, rows.Count);
        var partner = rows.Single(e => e.Side == AgreementParty.Partner);
        Assert.Equal([3, 3, 3, 3, 3], partner.Ratings);
        Assert.Equal("見直しました", partner.Comment);
        Assert.Equal([4, 4, 3, 4, 4], rows.Single(e => e.Side == AgreementParty.Government).Ratings);
    }
}
