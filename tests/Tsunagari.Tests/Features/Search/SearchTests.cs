using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tsunagari.Data;
using Tsunagari.Features.Opportunities;
using Tsunagari.Features.Organizations;
using Tsunagari.Features.Search;

namespace Tsunagari.Tests.Features.Search;

/// <summary>A clock fixed on Wednesday 2026-06-10 10:00 in Japan.</summary>
public sealed class FixedClockApp : TestApp
{
    public static readonly DateTimeOffset Now = new(2026, 6, 10, 10, 0, 0, TimeSpan.FromHours(9));

    // The tests catch up themselves; a slow poll keeps the background indexer from racing them.
    protected override void Configure(IDictionary<string, string?> settings) => settings["Search:PollInterval"] = "01:00:00";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(new FixedClock(Now)));
    }
}

public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}

public sealed class SearchTests(FixedClockApp app) : IClassFixture<FixedClockApp>
{
    private static readonly DateTimeOffset Now = FixedClockApp.Now;

    private async Task<(HttpResponseMessage Response, JsonElement Json)> GetJsonAsync(string url)
    {
        var response = await app.CreateBrowser().GetAsync(new Uri(url, UriKind.Relative));
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response, document.RootElement.Clone());
    }

    private static List<string> Titles(JsonElement json) => [.. json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!)];

    [Fact]
    public async Task A_published_opportunity_appears_and_disappears_when_unpublished_or_deleted()
    {
        var org = await SearchData.OrganizationAsync(app, "みどりの会");
        var opportunity = await SearchData.OpportunityAsync(app, org.Id, SearchData.Details("干潟の環境調査", Now.AddDays(3)));
        var draft = await SearchData.OpportunityAsync(app, org.Id, SearchData.Details("干潟の下書き", Now.AddDays(3)), publish: false);
        await SearchData.CatchUpAsync(app);
        Assert.Equal(["干潟の環境調査"], Titles((await GetJsonAsync("/api/v1/opportunities?q=干潟")).Json));

        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var found = await db.Opportunities.SingleAsync(o => o.Id == opportunity.Id);
            found.Cancel("雨天", Now.ToUniversalTime());
            await db.SaveChangesAsync();
        }
        await SearchData.CatchUpAsync(app);
        Assert.Empty(Titles((await GetJsonAsync("/api/v1/opportunities?q=干潟")).Json));

        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var found = await db.Opportunities.SingleAsync(o => o.Id == draft.Id);
            found.Publish(Now.ToUniversalTime());
            await db.SaveChangesAsync();
        }
        await SearchData.CatchUpAsync(app);
        Assert.Equal(["干潟の下書き"], Titles((await GetJsonAsync("/api/v1/opportunities?q=干潟")).Json));

        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Opportunities.Remove(await db.Opportunities.SingleAsync(o => o.Id == draft.Id));
            await db.SaveChangesAsync();
        }
        await SearchData.CatchUpAsync(app);
        Assert.Empty(Titles((await GetJsonAsync("/api/v1/opportunities?q=干潟")).Json));
    }

    [Fact]
    public async Task A_search_asked_again_is_answered_from_the_cache_until_the_index_changes()
    {
        var index = app.Services.GetRequiredService<SearchIndex>();
        var org = await SearchData.OrganizationAsync(app, "潮の会");
        await SearchData.OpportunityAsync(app, org.Id, SearchData.Details("潮だまりの観察", Now.AddDays(3)));
        await SearchData.CatchUpAsync(app);
        var query = new SearchQuery { Text = "潮だまり", Municipalities = ["121002"] };
        var first = await index.SearchAsync(query);
        Assert.Equal(1, first.Total);
        // An equal query (not the same object) is answered with the kept result.
        Assert.Same(first, await index.SearchAsync(query with { Municipalities = ["121002"] }));

        await SearchData.OpportunityAsync(app, org.Id, SearchData.Details("潮だまりの清掃", Now.AddDays(4)));
        await SearchData.CatchUpAsync(app);
        Assert.Equal(2, (await index.SearchAsync(query)).Total);
    }

    [Fact]
    public async Task Facets_count_the_matches_and_filters_narrow_them()
    {
        var npo = await SearchData.OrganizationAsync(app, "ファセット会", OrganizationKind.Npo);
        var company = await SearchData.OrganizationAsync(app, "ファセット株式会社", OrganizationKind.Company, "122033");
        await SearchData.OpportunityAsync(app, npo.Id, SearchData.Details("福祉ファセット一", Now.AddDays(1), ways: [3], access: AccessibilityFeatures.Wheelchair));
        await SearchData.OpportunityAsync(app, npo.Id, SearchData.Details("福祉ファセット二", Now.AddDays(1), municipality: "121011", ways: [3, 5], online: true));
        await SearchData.OpportunityAsync(app, company.Id, SearchData.Details("福祉ファセット三", Now.AddDays(1), municipality: "122033", fields: [2], ways: [5]));
        await SearchData.CatchUpAsync(app);

        var (_, json) = await GetJsonAsync("/api/v1/opportunities?q=ファセット");
        Assert.Equal(3, json.GetProperty("total").GetInt32());
        int Count(string facet, string key) => json.GetProperty("facets").GetProperty(facet).EnumerateArray()
            .Where(f => f.GetProperty("key").GetString() == key).Select(f => f.GetProperty("count").GetInt32()).SingleOrDefault();
        Assert.Equal(2, Count("municipality", "121002")); // 千葉市 includes its ward 中央区
        Assert.Equal(1, Count("municipality", "121011"));
        Assert.Equal(1, Count("municipality", "122033"));
        Assert.Equal(2, Count("way", "weekend"));
        Assert.Equal(2, Count("way", "online"));
        Assert.Equal(2, Count("field", "1"));
        Assert.Equal(1, Count("kind", "Company"));

        Assert.Equal(2, (await GetJsonAsync("/api/v1/opportunities?q=ファセット&municipality=121002")).Json.GetProperty("total").GetInt32());
        Assert.Equal(["福祉ファセット一"], Titles((await GetJsonAsync("/api/v1/opportunities?q=ファセット&access=Wheelchair")).Json));
        Assert.Equal(["福祉ファセット三"], Titles((await GetJsonAsync("/api/v1/opportunities?q=ファセット&kind=Company")).Json));
        Assert.Equal(["福祉ファセット二"], Titles((await GetJsonAsync("/api/v1/opportunities?q=ファセット&online=true")).Json));
        Assert.Equal(2, (await GetJsonAsync("/api/v1/organizations?q=ファセット")).Json.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Date_filters_follow_the_clock_in_Japan_time()
    {
        var org = await SearchData.OrganizationAsync(app, "日付の会");
        var saturday = new DateTimeOffset(2026, 6, 13, 10, 0, 0, TimeSpan.FromHours(9));
        await SearchData.OpportunityAsync(app, org.Id, SearchData.Details("日付テスト今日", Now.AddHours(2)));
        await SearchData.OpportunityAsync(app, org.Id, SearchData.Details("日付テスト週末", saturday));
        await SearchData.OpportunityAsync(app, org.Id, SearchData.Details("日付テスト来月", Now.AddDays(40)));
        await SearchData.OpportunityAsync(app, org.Id, SearchData.Details("日付テスト毎週日曜", Now.AddDays(-60).AddDays(4), rule: "FREQ=WEEKLY;BYDAY=SU"));
        await SearchData.CatchUpAsync(app);

        Assert.Equal(["日付テスト今日"], Titles((await GetJsonAsync("/api/v1/opportunities?q=日付テスト&when=today")).Json));
        Assert.Equal(["日付テスト週末", "日付テスト毎週日曜"], Titles((await GetJsonAsync("/api/v1/opportunities?q=日付テスト&when=weekend&sort=date")).Json));
        Assert.Equal(3, (await GetJsonAsync("/api/v1/opportunities?q=日付テスト&when=month")).Json.GetProperty("total").GetInt32());
        Assert.Equal(["日付テスト来月"], Titles((await GetJsonAsync("/api/v1/opportunities?q=日付テスト&from=2026-07-20&to=2026-07-20")).Json));
    }

    [Fact]
    public async Task Another_host_rebuilds_a_corrupt_index_and_catches_up_on_changes_left_behind()
    {
        var org = await SearchData.OrganizationAsync(app, "再構築の会");
        await SearchData.OpportunityAsync(app, org.Id, SearchData.Details("再構築テスト一", Now.AddDays(1)));
        await SearchData.CatchUpAsync(app);

        var folder = Path.Combine(app.DataDirectory, "node2");
        System.IO.Directory.CreateDirectory(Path.Combine(folder, "search"));
        await File.WriteAllTextAsync(Path.Combine(folder, "search", "segments_1"), "garbage");
        await File.WriteAllTextAsync(Path.Combine(folder, "search", "segments.gen"), "garbage");
        using (var node = Node(folder))
        {
            var json = await node.CreateClient().GetStringAsync(new Uri("/api/v1/opportunities?q=再構築テスト", UriKind.Relative));
            Assert.Contains("再構築テスト一", json, StringComparison.Ordinal);
        }

        // Written and committed, never indexed (as if the node crashed): the next host catches up.
        await SearchData.OpportunityAsync(app, org.Id, SearchData.Details("再構築テスト二", Now.AddDays(1)));
        using (var node = Node(folder))
        {
            await node.Services.GetRequiredService<Tsunagari.Features.Search.SearchIndex>().CatchUpAsync();
            var json = await node.CreateClient().GetStringAsync(new Uri("/api/v1/opportunities?q=再構築テスト", UriKind.Relative));
            Assert.Contains("再構築テスト二", json, StringComparison.Ordinal);
        }
    }

    /// <summary>Another node: its own data folder (and index), the same database.</summary>
    private WebApplicationFactory<Program> Node(string folder) => app.WithWebHostBuilder(b =>
    {
        b.UseSetting("Tsunagari:DataDirectory", folder);
        if (!TestApp.OnPostgres) b.UseSetting("ConnectionStrings:Tsunagari", $"Data Source={Path.Combine(app.DataDirectory, "tsunagari.db")}");
    });

    [Theory]
    [InlineData("/api/v1/opportunities?from=2026-13-01")]
    [InlineData("/api/v1/opportunities?pageSize=101")]
    [InlineData("/api/v1/opportunities?page=0")]
    [InlineData("/api/v1/opportunities?sort=best")]
    [InlineData("/api/v1/organizations?field=99")]
    public async Task Invalid_parameters_are_a_validation_problem(string url)
    {
        var (response, json) = await GetJsonAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(json.TryGetProperty("errors", out _));
    }

    [Fact]
    public async Task The_api_has_the_documented_shape_and_pages()
    {
        var org = await SearchData.OrganizationAsync(app, "ページの会");
        for (var i = 0; i < 25; i++)
            await SearchData.OpportunityAsync(app, org.Id, SearchData.Details($"ページング{i}", Now.AddDays(i + 1)));
        await SearchData.CatchUpAsync(app);

        var (_, json) = await GetJsonAsync("/api/v1/opportunities?q=ページング&sort=date&page=2&pageSize=10");
        Assert.Equal(25, json.GetProperty("total").GetInt32());
        var items = json.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(10, items.Count);
        Assert.Equal("ページング10", items[0].GetProperty("title").GetString());
        foreach (var name in new[] { "id", "title", "organization", "municipalityCode", "start", "end", "ways", "fields", "url" })
            Assert.True(items[0].TryGetProperty(name, out _), name);
        Assert.Equal("ページの会", items[0].GetProperty("organization").GetString());
        Assert.Empty(Titles((await GetJsonAsync("/api/v1/opportunities?q=ページング&page=999999999")).Json));

        var browser = app.CreateBrowser();
        var last = await browser.GetAsync(new Uri("/search?q=ページング&page=2", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, last.StatusCode);
        var huge = await browser.GetStringAsync(new Uri("/search?q=ページング&page=99999999999999999999", UriKind.Relative));
        Assert.Contains("最後のページへ", huge, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_survives_bad_input_and_speaks_English()
    {
        var org = await SearchData.OrganizationAsync(app, "英語の会");
        await SearchData.OpportunityAsync(app, org.Id, SearchData.Details("英語テスト環境", Now.AddDays(1)));
        await SearchData.CatchUpAsync(app);
        var browser = app.CreateBrowser();
        var bad = await browser.GetAsync(new Uri("/search?q=%22%E7%92%B0%E5%A2%83%20AND%20OR%20(&municipality=999999&field=abc&way=nope&kind=X&access=Y&when=someday&from=x&page=-3&sort=z", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("見つからないため", html, StringComparison.Ordinal);

        var english = await app.CreateBrowser("en").GetStringAsync(new Uri("/search?q=英語テスト", UriKind.Relative));
        Assert.Contains("<mark>", english, StringComparison.Ordinal);
        Assert.Contains("lang=\"en\"", english, StringComparison.Ordinal);

        var partial = new HttpRequestMessage(HttpMethod.Get, new Uri("/search?q=英語テスト", UriKind.Relative));
        partial.Headers.Add("HX-Request", "true");
        var fragment = await (await browser.SendAsync(partial)).Content.ReadAsStringAsync();
        Assert.DoesNotContain("<html", fragment, StringComparison.Ordinal);
        Assert.Contains("英語テスト", fragment, StringComparison.Ordinal);
    }
}
