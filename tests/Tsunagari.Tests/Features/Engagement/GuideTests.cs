using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Engagement.Guide;
using Tsunagari.Features.Organizations;
using Tsunagari.Features.Regions;
using Tsunagari.Tests.Features.Opportunities;

namespace Tsunagari.Tests.Features.Engagement;

public sealed class GuideTests(TestApp app) : IClassFixture<TestApp>
{
    private static readonly string[] NearestFirst = ["船橋の支援センター", "市川の支援センター", "千葉の支援センター"];

    [Theory]
    [InlineData("121011", "千葉市長", true)]   // 千葉市中央区: a ward of a designated city
    [InlineData("121002", "千葉市長", true)]   // 千葉市 itself
    [InlineData("122041", "千葉県知事", false)] // 船橋市
    [InlineData("141011", "横浜市長", true)]   // 横浜市鶴見区, another prefecture's designated city
    [InlineData("142018", "神奈川県知事", false)] // 横須賀市
    [InlineData("131016", "東京都知事", false)] // 千代田区, a special ward, not a designated city's
    public void The_competent_authority_is_the_designated_city_or_else_the_prefecture(string code, string title, bool designatedCity)
    {
        var authority = CompetentAuthority.For(Japan.Shared, code);
        Assert.NotNull(authority);
        Assert.Equal(title, string.Format(System.Globalization.CultureInfo.InvariantCulture, authority.TitleFormat, authority.Name));
        Assert.Equal(designatedCity, authority.IsDesignatedCity);
        Assert.Null(CompetentAuthority.For(Japan.Shared, "999999"));
    }

    [Fact]
    public async Task The_guide_names_the_authority_steps_documents_and_mentors_nearest_first()
    {
        await MentorAsync("船橋の支援センター", "122041");
        await MentorAsync("千葉の支援センター", "121002");
        await MentorAsync("市川の支援センター", "122033"); // 市川市, in 船橋's grouping (葛南)
        await MentorAsync("銚子の支援センター", "122025"); // 銚子市, elsewhere in the prefecture
        await MentorAsync("未確認の支援センター", "122041", verified: false);

        var browser = app.CreateBrowser();
        var chuo = await (await browser.GetAsync(new Uri("/guide/npo-incorporation?municipality=121011", UriKind.Relative))).HtmlAsync();
        Assert.Contains("<strong><span lang=\"ja\">千葉市</span>長</strong>", chuo, StringComparison.Ordinal);
        Assert.Contains("設立総会", chuo, StringComparison.Ordinal);
        Assert.Contains("縦覧（1か月）", chuo, StringComparison.Ordinal);
        Assert.Contains("設立登記完了届出", chuo, StringComparison.Ordinal);
        Assert.Contains("社員のうち10人以上の名簿", chuo, StringComparison.Ordinal);
        Assert.Contains("活動予算書（2年分）", chuo, StringComparison.Ordinal);
        Assert.True(chuo.IndexOf("千葉の支援センター", StringComparison.Ordinal) < chuo.IndexOf("船橋の支援センター", StringComparison.Ordinal));

        var funabashi = await (await browser.GetAsync(new Uri("/guide/npo-incorporation?municipality=122041", UriKind.Relative))).HtmlAsync();
        Assert.Contains("<strong><span lang=\"ja\">千葉県</span>知事</strong>", funabashi, StringComparison.Ordinal);
        var order = NearestFirst.Select(n => funabashi.IndexOf(n, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order().ToList(), order);
        Assert.Contains("銚子の支援センター", funabashi, StringComparison.Ordinal);
        Assert.DoesNotContain("未確認の支援センター", funabashi, StringComparison.Ordinal);

        var yokohama = await (await browser.GetAsync(new Uri("/guide/npo-incorporation?municipality=141011", UriKind.Relative))).HtmlAsync();
        Assert.Contains("<strong><span lang=\"ja\">横浜市</span>長</strong>", yokohama, StringComparison.Ordinal);
        Assert.DoesNotContain("支援センター", yokohama, StringComparison.Ordinal);

        var unknown = await browser.GetAsync(new Uri("/guide/npo-incorporation?municipality=<x>", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Contains("指定された市区町村が見つかりません。", await unknown.HtmlAsync(), StringComparison.Ordinal);
    }

    private async Task MentorAsync(string name, string municipality, bool verified = true)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var founder = await db.Users.Select(u => u.Id).FirstOrDefaultAsync();
        if (founder == Guid.Empty) founder = (await app.CreateAccountAsync($"mentor-{Guid.NewGuid():N}@example.jp")).Account.Id;
        var organization = new Organization(
            new OrganizationProfile(name, "しえん", OrganizationKind.Npo, LegalForm.NpoCorporation, null, true, [municipality], [19], "", "", null, "", "", "", []),
            founder, DateTimeOffset.UtcNow);
        if (verified) organization.Verify(founder, DateTimeOffset.UtcNow);
        db.Organizations.Add(organization);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task A_group_starts_light_as_an_unincorporated_organization_with_its_founder_as_admin()
    {
        var email = $"founder-{Guid.NewGuid():N}@example.jp";
        var browser = await app.SignInAsync(Roles.Resident, email);
        var missing = await browser.PostFormAsync("/organizations/start", new() { ["Input.Name"] = "", ["Input.Kana"] = "", ["Input.MunicipalityCode"] = "" });
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        var html = await missing.HtmlAsync();
        Assert.Contains("団体名を入力してください。", html, StringComparison.Ordinal);
        Assert.Contains("活動する市町村を1つ以上選んでください。", html, StringComparison.Ordinal);

        var created = await browser.PostFormAsync("/organizations/start", new()
        {
            ["Input.Name"] = "ゆるっと子ども見守り隊",
            ["Input.Kana"] = "ゆるっとこどもみまもりたい",
            ["Input.MunicipalityCode"] = "122041",
            ["Input.Fields"] = "13",
            ["Input.Description"] = "登下校の見守りをしています。",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var location = created.Headers.Location!.OriginalString;
        Assert.StartsWith("/organizations/", location, StringComparison.Ordinal);

        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var account = await db.Users.SingleAsync(u => u.Email == email);
            var organization = await db.Organizations.AsNoTracking().Include(o => o.Memberships).SingleAsync(o => o.Name == "ゆるっと子ども見守り隊");
            Assert.Equal(LegalForm.Unincorporated, organization.LegalForm);
            Assert.Equal(OrganizationKind.Npo, organization.Kind);
            Assert.Equal(["122041"], organization.MunicipalityCodes);
            Assert.Equal([13], organization.Fields);
            Assert.Equal("登下校の見守りをしています。", organization.Mission);
            Assert.True(organization.IsAdmin(account.Id));
        }

        var page = await (await browser.GetAsync(new Uri(location, UriKind.Relative))).HtmlAsync();
        Assert.Contains("href=\"/guide/npo-incorporation?municipality=122041\"", page, StringComparison.Ordinal);
        Assert.Contains("法人化を考える", page, StringComparison.Ordinal);
        Assert.DoesNotContain("法人化を考える", await (await app.CreateBrowser().GetAsync(new Uri(location, UriKind.Relative))).HtmlAsync(), StringComparison.Ordinal);

        var (incorporated, id) = await OpportunityData.OrgAdminAsync(app, "法人の会");
        Assert.DoesNotContain("法人化を考える", await (await incorporated.GetAsync(new Uri($"/organizations/{id}", UriKind.Relative))).HtmlAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_guide_and_the_light_start_render_in_English()
    {
        var guide = await (await app.CreateBrowser().GetAsync(new Uri("/guide/npo-incorporation?municipality=121011&culture=en", UriKind.Relative))).HtmlAsync();
        Assert.Contains("<h1>Starting an NPO corporation</h1>", guide, StringComparison.Ordinal);
        Assert.Contains("<strong>Mayor of <span lang=\"ja\">千葉市</span></strong>", guide, StringComparison.Ordinal);
        Assert.Contains("(Articles of incorporation)", guide, StringComparison.Ordinal);
        var browser = await app.SignInAsync(Roles.Resident);
        var start = await (await browser.GetAsync(new Uri("/organizations/start?culture=en", UriKind.Relative))).HtmlAsync();
        Assert.Contains("<h1>Register a group</h1>", start, StringComparison.Ordinal);
    }
}
