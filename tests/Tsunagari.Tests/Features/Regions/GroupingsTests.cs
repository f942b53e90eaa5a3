using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Regions;

namespace Tsunagari.Tests.Features.Regions;

public sealed class GroupingsTests(TestApp app) : IClassFixture<TestApp>
{
    private async Task<List<RegionalGrouping>> GroupingsAsync()
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.RegionalGroupings.AsNoTracking().Where(g => g.PrefectureCode == "120006").OrderBy(g => g.SortOrder).ToListAsync();
    }

    private static Dictionary<string, string> Fields(string name, string nameEn, int sortOrder, params string[] codes)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Input.Name"] = name,
            ["Input.NameEn"] = nameEn,
            ["Input.SortOrder"] = sortOrder.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        for (var i = 0; i < codes.Length; i++) fields[$"Input.Municipalities[{i}]"] = codes[i];
        return fields;
    }

    [Fact]
    public async Task Chiba_gets_its_default_groupings_once()
    {
        var before = await GroupingsAsync();
        Assert.Subset(before.Select(g => g.NameEn).ToHashSet(StringComparer.Ordinal), ChibaGroupings.Areas.Select(a => a.NameEn).ToHashSet(StringComparer.Ordinal));
        Assert.Equal("千葉", before[0].Name);

        await using (var scope = app.Scope())
            foreach (var seed in scope.ServiceProvider.GetServices<Tsunagari.Features.ISeed>())
                await seed.RunAsync();
        Assert.Equal(before.Count, (await GroupingsAsync()).Count);
    }

    [Fact]
    public async Task A_prefecture_admin_moves_a_municipality_into_a_new_grouping()
    {
        var admin = await app.SignInAsync(Roles.PrefectureAdmin);
        var list = await admin.GetAsync(new Uri("/regions/groupings", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Contains("東葛飾", await list.HtmlAsync(), StringComparison.Ordinal);
        Assert.Contains("href=\"/regions/groupings\"", await (await admin.GetAsync(new Uri("/regions", UriKind.Relative))).HtmlAsync(), StringComparison.Ordinal);

        var chiba = (await GroupingsAsync()).Single(g => g.Name == "千葉");
        var edited = await admin.PostFormAsync($"/regions/groupings/edit/{chiba.Id}", Fields("千葉", "Chiba", 10, "121002"));
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Equal("/regions/groupings", edited.Headers.Location!.OriginalString);
        Assert.Contains("地域区分「千葉」を保存しました。", await (await admin.GetAsync(new Uri("/regions/groupings", UriKind.Relative))).HtmlAsync(), StringComparison.Ordinal);

        var created = await admin.PostFormAsync("/regions/groupings/edit", Fields("市原", "Ichihara", 15, "122190"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        var groupings = await GroupingsAsync();
        Assert.Equal(["121002"], groupings.Single(g => g.Name == "千葉").MunicipalityCodes);
        var ichihara = groupings.Single(g => g.Name == "市原");
        Assert.Equal(("Ichihara", 15), (ichihara.NameEn, ichihara.SortOrder));
        Assert.Equal(["122190"], ichihara.MunicipalityCodes);
        Assert.Equal("市原", groupings[1].Name);

        var overview = await (await app.CreateBrowser().GetAsync(new Uri("/regions", UriKind.Relative))).HtmlAsync();
        Assert.Contains(">市原</h2>", overview, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_grouping_input_is_refused_with_the_input_kept_and_nothing_saved()
    {
        var before = await GroupingsAsync();
        var admin = await app.SignInAsync(Roles.PrefectureAdmin);
        var response = await admin.PostFormAsync("/regions/groupings/edit", Fields("", "Seaside", 99999, "122033"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains("地域区分の名称を入力してください。", html, StringComparison.Ordinal);
        Assert.Contains("表示順には0から9999までの数を入力してください。", html, StringComparison.Ordinal);
        Assert.Contains("市川市はすでに地域区分「葛南」に入っています。", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Seaside\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"122033\" checked=\"checked\"", html, StringComparison.Ordinal);

        var none = await admin.PostFormAsync("/regions/groupings/edit", Fields("海辺", "Seaside", 200));
        Assert.Contains("市町村を1つ以上選んでください。", await none.HtmlAsync(), StringComparison.Ordinal);
        var foreign = await admin.PostFormAsync("/regions/groupings/edit", Fields("海辺", "Seaside", 200, "131016"));
        Assert.Contains("この都道府県の市町村ではないもの", await foreign.HtmlAsync(), StringComparison.Ordinal);
        var duplicate = await admin.PostFormAsync("/regions/groupings/edit", Fields("葛南", "Katsunan", 200, "121002"));
        Assert.Contains("同じ名称の地域区分がすでにあります。", await duplicate.HtmlAsync(), StringComparison.Ordinal);

        var after = await GroupingsAsync();
        Assert.Equal(
            before.Select(g => (g.Name, string.Join(",", g.MunicipalityCodes))),
            after.Select(g => (g.Name, string.Join(",", g.MunicipalityCodes))));
    }

    [Fact]
    public async Task A_prefecture_admin_deletes_a_grouping_and_its_municipalities_become_others()
    {
        var admin = await app.SignInAsync(Roles.PrefectureAdmin);
        var awa = (await GroupingsAsync()).Single(g => g.Name == "安房");
        var deleted = await admin.PostFormAsync("/regions/groupings", new() { ["id"] = awa.Id.ToString() }, handler: "Delete");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.DoesNotContain(await GroupingsAsync(), g => g.Id == awa.Id);

        var overview = await (await app.CreateBrowser().GetAsync(new Uri("/regions", UriKind.Relative))).HtmlAsync();
        Assert.True(overview.IndexOf("館山市", StringComparison.Ordinal) > overview.IndexOf(">その他</h2>", StringComparison.Ordinal));

        // Put it back so that the class's other tests see all 54 municipalities grouped.
        var restored = await admin.PostFormAsync("/regions/groupings/edit", Fields("安房", "Awa", 100, awa.MunicipalityCodes.ToArray()));
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
    }

    [Theory]
    [InlineData(null, "/account/login")]
    [InlineData(Roles.Resident, "/account/access-denied")]
    [InlineData(Roles.Coordinator, "/account/access-denied")]
    public async Task Only_prefecture_admins_manage_groupings(string? role, string sentTo)
    {
        var browser = role is null ? app.CreateBrowser() : await app.SignInAsync(role);
        foreach (var url in new[] { "/regions/groupings", "/regions/groupings/edit" })
        {
            var response = await browser.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal(sentTo, response.Headers.Location!.AbsolutePath);
        }
    }
}
