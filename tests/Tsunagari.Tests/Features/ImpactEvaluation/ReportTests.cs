using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.ImpactEvaluation;
using Tsunagari.Features.ImpactEvaluation.LogicModels;
using Tsunagari.Tests.Features.Opportunities;

namespace Tsunagari.Tests.Features.ImpactEvaluation;

/// <summary>
/// The impact report: every part of the evaluation in one printable page, in Japanese or English, and the share link
/// its admins create, replace and stop, which anyone holding it can read and no one else can guess.
/// </summary>
public sealed class ReportTests(TestApp app) : IClassFixture<TestApp>
{
    /// <summary>
    /// A model with an output and an outcome joined by an arrow, a manual indicator measured once, a frozen
    /// pre-evaluation and an impact map: 10 people × 50,000 yen, one year, no discounts but 3.5 %, against an
    /// investment of 400,000 yen, so the present value is 500,000 ÷ 1.035 = 483,091.78… and the ratio 1.2077… (1 : 1.21).
    /// </summary>
    private async Task<Guid> ModelAsync(Guid organizationId, string title = "居場所づくりの評価")
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var founder = await db.Memberships.Where(m => m.OrganizationId == organizationId).Select(m => m.AccountId).FirstAsync();
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var model = new LogicModel(organizationId, title, today.AddMonths(-6), today.AddMonths(6), founder, now)
        {
            Purpose = "地域の子どもの孤立を減らす。",
            Findings = "参加者の満足度が高い。",
            NextSteps = "平日の開催を増やす。",
        };
        var output = model.AddElement(ElementKind.Output, "居場所を週2回開く");
        var outcome = model.AddElement(ElementKind.ShortTermOutcome, "子どもが安心して過ごせる");
        model.AddLink(output.Id, outcome.Id);
        db.LogicModels.Add(model);
        var indicator = new Indicator(model.Id, outcome.Id, "安心して過ごせると答えた子どもの割合", IndicatorSource.Manual, now) { Unit = "%" };
        indicator.SetTargets([new IndicatorTarget(today.AddMonths(3), 80m)]);
        db.Indicators.Add(indicator);
        db.Measurements.Add(new Measurement(indicator.Id, today.AddDays(-7), 72m, "アンケート", null, founder, now));
        var map = new ImpactMap(model.Id, now);
        map.Investments.Add(new InvestmentItem("助成金", 400_000m, null, null));
        map.Outcomes.Add(new ImpactOutcome(map.Id, 1) { Stakeholder = "子ども", Name = "孤立の解消", Quantity = 10, Proxy = 50_000m, ProxySource = "区の調査" });
        db.ImpactMaps.Add(map);
        await db.SaveChangesAsync();
        return model.Id;
    }

    private async Task<string?> TokenAsync(Guid modelId)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().LogicModels.Where(m => m.Id == modelId).Select(m => m.ShareToken).SingleAsync();
    }

    [Fact]
    public async Task The_report_shows_every_part_of_the_evaluation_in_Japanese_and_in_English()
    {
        var (admin, organizationId) = await OpportunityData.OrgAdminAsync(app, "居場所の会");
        var id = await ModelAsync(organizationId);

        var japanese = await (await admin.GetAsync(new Uri(ModelUrls.Report(id), UriKind.Relative))).HtmlAsync();
        foreach (var text in new[] { "インパクトレポート", "居場所づくりの評価", "居場所の会", "地域の子どもの孤立を減らす。", "居場所を週2回開く",
                     "子どもが安心して過ごせる", "安心して過ごせると答えた子どもの割合", "72", "80", "孤立の解消", "1 : 1.21", "483,092",
                     "参加者の満足度が高い。", "平日の開催を増やす。", "感度分析" })
            Assert.Contains(text, japanese, StringComparison.Ordinal);

        var english = await (await admin.GetAsync(new Uri(ModelUrls.Report(id) + "?culture=en", UriKind.Relative))).HtmlAsync();
        foreach (var text in new[] { "Impact report", "Purpose and background", "Indicators: targets and actuals", "Findings", "Next steps", "1 : 1.21" })
            Assert.Contains(text, english, StringComparison.Ordinal);
        // What the organization wrote stays as written.
        Assert.Contains("居場所を週2回開く", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_shared_link_opens_the_report_to_anyone_until_it_is_replaced_or_stopped()
    {
        var (admin, organizationId) = await OpportunityData.OrgAdminAsync(app, "共有の会");
        var id = await ModelAsync(organizationId, "共有する評価");
        var anonymous = app.CreateBrowser();
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync(new Uri(ModelUrls.Report(id), UriKind.Relative))).StatusCode);

        var shared = await admin.PostFormAsync(ModelUrls.Report(id), new() { ["current"] = "" }, "Share");
        Assert.Equal(HttpStatusCode.Redirect, shared.StatusCode);
        var token = await TokenAsync(id);
        Assert.NotNull(token);
        var page = await anonymous.GetAsync(new Uri(ModelUrls.SharedReport(token), UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("共有する評価", await page.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal("noindex", page.Headers.GetValues("X-Robots-Tag").Single());
        Assert.Contains(ModelUrls.SharedReport(token), await (await admin.GetAsync(new Uri(ModelUrls.Report(id), UriKind.Relative))).HtmlAsync(), StringComparison.Ordinal);

        // A second click from the same (now stale) form makes no second link.
        await admin.PostFormAsync(ModelUrls.Report(id), new() { ["current"] = "" }, "Share");
        Assert.Equal(token, await TokenAsync(id));

        await admin.PostFormAsync(ModelUrls.Report(id), new() { ["current"] = token }, "Share");
        var replaced = await TokenAsync(id);
        Assert.NotEqual(token, replaced);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri(ModelUrls.SharedReport(token), UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri(ModelUrls.SharedReport(replaced!), UriKind.Relative))).StatusCode);

        await admin.PostFormAsync(ModelUrls.Report(id), new() { ["current"] = replaced! }, "StopSharing");
        Assert.Null(await TokenAsync(id));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri(ModelUrls.SharedReport(replaced!), UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri("/impact/reports/" + new string('x', 300), UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Members_and_staff_read_the_report_only_its_admins_share_it_and_others_do_not_find_it()
    {
        var (_, organizationId) = await OpportunityData.OrgAdminAsync(app, "見る会");
        var id = await ModelAsync(organizationId, "見るだけの評価");
        var email = $"member-{Guid.NewGuid():N}@example.jp";
        var member = await app.SignInAsync(Roles.Resident, email);
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var account = await db.Users.SingleAsync(u => u.Email == email);
            db.Memberships.Add(new Tsunagari.Features.Organizations.Membership(organizationId, account.Id, Tsunagari.Features.Organizations.MembershipRole.Member, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }
        var coordinator = await app.SignInAsync(Roles.Coordinator);
        var (otherAdmin, _) = await OpportunityData.OrgAdminAsync(app, "隣の見る会");

        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync(new Uri(ModelUrls.Report(id), UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync(new Uri(ModelUrls.Report(id), UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.GetAsync(new Uri(ModelUrls.Report(id), UriKind.Relative))).StatusCode);
        foreach (var reader in new[] { member, coordinator })
        {
            var refused = await reader.PostFormAsync(ModelUrls.Report(id), new() { ["current"] = "" }, "Share");
            Assert.Contains("/account/access-denied", refused.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }
        Assert.Null(await TokenAsync(id));
    }
}
