using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Regions;

namespace Tsunagari.Tests.Features.Regions;

public sealed class RegionPagesTests(TestApp app) : IClassFixture<TestApp>
{
    private static readonly string[] ChibaGroupingNames = ["千葉", "葛南", "東葛飾", "印旛", "香取", "海匝", "山武", "長生", "夷隅", "安房", "君津"];

    private async Task<Guid> RecordAsync(string municipalityCode, string text, params int[] fields)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var challenge = new LocalChallenge(municipalityCode, text, fields, DateTimeOffset.UtcNow, null);
        db.LocalChallenges.Add(challenge);
        await db.SaveChangesAsync();
        return challenge.Id;
    }

    private async Task<List<LocalChallenge>> ChallengesAsync(string municipalityCode)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.LocalChallenges.AsNoTracking().Where(c => c.MunicipalityCode == municipalityCode).ToListAsync();
    }

    [Fact]
    public async Task The_overview_lists_municipalities_by_grouping()
    {
        var response = await app.CreateBrowser().GetAsync(new Uri("/regions", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains("千葉県", html, StringComparison.Ordinal);
        var headings = ChibaGroupingNames
            .Select(name => html.IndexOf($">{name}</h2>", StringComparison.Ordinal))
            .ToList();
        Assert.All(headings, at => Assert.True(at > 0));
        Assert.Equal(headings.Order(), headings);
        Assert.True(html.IndexOf("href=\"/regions/122033\"", StringComparison.Ordinal) > headings[1], "市川市 is listed under 葛南");
        Assert.Contains(">54<", html, StringComparison.Ordinal);
        Assert.DoesNotContain("その他", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/regions/groupings", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_municipality_page_shows_its_kind_wards_grouping_and_local_challenges()
    {
        await RecordAsync("121002", "駅前商店街の空き店舗が増えている。\n若い世代の担い手が足りない。", 3, 16);
        var html = await (await app.CreateBrowser().GetAsync(new Uri("/regions/121002", UriKind.Relative))).HtmlAsync();
        Assert.Contains("<h1 lang=\"ja\">千葉市</h1>", html, StringComparison.Ordinal);
        Assert.Contains("ちばし", html, StringComparison.Ordinal);
        Assert.Contains("政令指定都市", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/regions/121011\"", html, StringComparison.Ordinal);
        Assert.Contains("地域課題", html, StringComparison.Ordinal);
        Assert.Contains("<p>駅前商店街の空き店舗が増えている。</p>", html, StringComparison.Ordinal);
        Assert.Contains("まちづくりの推進を図る活動", html, StringComparison.Ordinal);
        Assert.Contains("経済活動の活性化を図る活動", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Input.Text\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ward_page_links_to_its_city()
    {
        var html = await (await app.CreateBrowser().GetAsync(new Uri("/regions/121061", UriKind.Relative))).HtmlAsync();
        Assert.Contains("美浜区", html, StringComparison.Ordinal);
        Assert.Contains("行政区", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/regions/121002\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/regions/121003")]
    [InlineData("/regions/480002")]
    [InlineData("/regions/120006")]
    [InlineData("/regions/chiba")]
    public async Task Unknown_or_malformed_codes_are_not_found(string url)
    {
        var response = await app.CreateBrowser().GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Staff_add_change_and_delete_a_local_challenge()
    {
        var staff = await app.SignInAsync(Roles.Coordinator);
        const string page = "/regions/123293"; // 栄町
        Assert.Contains("name=\"Input.Text\"", await (await staff.GetAsync(new Uri(page, UriKind.Relative))).HtmlAsync(), StringComparison.Ordinal);

        var added = await staff.PostFormAsync(page, new()
        {
            ["Input.Text"] = "高齢者の買い物支援が必要。",
            ["Input.Fields[0]"] = "1",
            ["Input.Fields[1]"] = "3",
        }, handler: "Save");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var challenge = Assert.Single(await ChallengesAsync("123293"));
        Assert.Equal("高齢者の買い物支援が必要。", challenge.Text);
        Assert.Equal([1, 3], challenge.Fields);
        Assert.NotNull(challenge.RecordedBy);

        var editForm = await (await staff.GetAsync(new Uri($"{page}?edit={challenge.Id}", UriKind.Relative))).HtmlAsync();
        Assert.Contains("高齢者の買い物支援が必要。</textarea>", editForm, StringComparison.Ordinal);
        var changed = await staff.PostFormAsync($"{page}?edit={challenge.Id}", new()
        {
            ["Input.Id"] = challenge.Id.ToString(),
            ["Input.Text"] = "高齢者の買い物と通院の支援が必要。",
            ["Input.Fields[0]"] = "1",
        }, handler: "Save");
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        challenge = Assert.Single(await ChallengesAsync("123293"));
        Assert.Equal("高齢者の買い物と通院の支援が必要。", challenge.Text);
        Assert.Equal([1], challenge.Fields);

        var deleted = await staff.PostFormAsync(page, new() { ["id"] = challenge.Id.ToString() }, handler: "Delete");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Empty(await ChallengesAsync("123293"));
    }

    [Fact]
    public async Task Invalid_local_challenges_are_refused_with_the_input_kept()
    {
        var staff = await app.SignInAsync(Roles.PrefectureAdmin);
        const string page = "/regions/124231"; // 長生村

        var empty = await staff.PostFormAsync(page, new() { ["Input.Text"] = "  ", ["Input.Fields[0]"] = "7" }, handler: "Save");
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        var html = await empty.HtmlAsync();
        Assert.Contains("地域課題の内容を入力してください。", html, StringComparison.Ordinal);
        Assert.Contains("value=\"7\" checked=\"checked\"", html, StringComparison.Ordinal);

        var tooLong = new string('あ', LocalChallenge.MaxTextLength + 1);
        var overlong = await staff.PostFormAsync(page, new() { ["Input.Text"] = tooLong }, handler: "Save");
        html = await overlong.HtmlAsync();
        Assert.Contains("4000文字以内", html, StringComparison.Ordinal);
        Assert.Contains(tooLong, html, StringComparison.Ordinal);

        var unknownField = await staff.PostFormAsync(page, new() { ["Input.Text"] = "課題", ["Input.Fields[0]"] = "21" }, handler: "Save");
        Assert.Contains("活動分野の選択が正しくありません。", await unknownField.HtmlAsync(), StringComparison.Ordinal);

        Assert.Empty(await ChallengesAsync("124231"));
    }

    [Fact]
    public async Task Residents_cannot_record_local_challenges()
    {
        var id = await RecordAsync("122025", "漁業の担い手不足。"); // 銚子市
        var resident = await app.SignInAsync(Roles.Resident);
        var html = await (await resident.GetAsync(new Uri("/regions/122025", UriKind.Relative))).HtmlAsync();
        Assert.DoesNotContain("name=\"Input.Text\"", html, StringComparison.Ordinal);

        var added = await resident.PostFormAsync("/regions/122025", new() { ["Input.Text"] = "いたずら" }, handler: "Save");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal("/account/access-denied", added.Headers.Location!.AbsolutePath);
        var deleted = await resident.PostFormAsync("/regions/122025", new() { ["id"] = id.ToString() }, handler: "Delete");
        Assert.Equal("/account/access-denied", deleted.Headers.Location!.AbsolutePath);
        Assert.Single(await ChallengesAsync("122025"));
    }

    [Fact]
    public async Task Other_prefectures_are_read_only_even_for_staff()
    {
        var staff = await app.SignInAsync(Roles.PrefectureAdmin);
        var response = await staff.GetAsync(new Uri("/regions/131016", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains("千代田区", html, StringComparison.Ordinal);
        Assert.Contains("特別区", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Input.Text\"", html, StringComparison.Ordinal);

        var added = await staff.PostFormAsync("/regions/131016", new() { ["Input.Text"] = "東京の課題" }, handler: "Save");
        Assert.Equal("/account/access-denied", added.Headers.Location!.AbsolutePath);
        Assert.Empty(await ChallengesAsync("131016"));
    }

    [Fact]
    public async Task The_English_pages_keep_place_names_in_Japanese()
    {
        var overview = await (await app.CreateBrowser().GetAsync(new Uri("/regions?culture=en", UriKind.Relative))).HtmlAsync();
        Assert.Contains("<html lang=\"en\"", overview, StringComparison.Ordinal);
        Assert.Contains("Municipalities of <span lang=\"ja\">千葉県</span>", overview, StringComparison.Ordinal);
        Assert.Contains(">Katsunan</h2>", overview, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/regions/122033\" lang=\"ja\">市川市</a>", overview, StringComparison.Ordinal);

        var city = await (await app.CreateBrowser().GetAsync(new Uri("/regions/121002?culture=en", UriKind.Relative))).HtmlAsync();
        Assert.Contains("Local challenges", city, StringComparison.Ordinal);
        Assert.Contains("City (designated city)", city, StringComparison.Ordinal);
        Assert.DoesNotContain("地域課題", city, StringComparison.Ordinal);
    }
}
