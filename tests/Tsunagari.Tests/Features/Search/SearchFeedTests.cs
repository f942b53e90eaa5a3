using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Tsunagari.Data;
using Tsunagari.Features.Opportunities;

namespace Tsunagari.Tests.Features.Search;

/// <summary>What the search page offers beyond its results: a calendar feed of the same search, ways that admins add, grouping facets, its own description.</summary>
public sealed partial class SearchFeedTests(FixedClockApp app) : IClassFixture<FixedClockApp>
{
    private static readonly DateTimeOffset Saturday = new(2026, 6, 13, 10, 0, 0, TimeSpan.FromHours(9));

    [Fact]
    public async Task A_search_url_is_also_a_calendar_feed_of_what_it_finds()
    {
        var org = await SearchData.OrganizationAsync(app, "購読の会");
        await SearchData.OpportunityAsync(app, org.Id, SearchData.Details("購読テスト車いす", Saturday, access: AccessibilityFeatures.Wheelchair, rule: "FREQ=WEEKLY;BYDAY=SA;COUNT=4"));
        await SearchData.OpportunityAsync(app, org.Id, SearchData.Details("購読テスト階段", Saturday));
        await SearchData.CatchUpAsync(app);
        var browser = app.CreateBrowser();

        var page = await browser.GetStringAsync(new Uri("/search?q=購読テスト&access=Wheelchair&when=weekend", UriKind.Relative));
        var feedUrl = WebUtility.HtmlDecode(CalendarLink().Match(page).Groups[1].Value);
        Assert.StartsWith("/search.ics?", feedUrl, StringComparison.Ordinal);

        var feed = await browser.GetAsync(new Uri(feedUrl, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal("text/calendar", feed.Content.Headers.ContentType?.MediaType);
        var ics = await feed.Content.ReadAsStringAsync();
        Assert.Contains("SUMMARY:購読テスト車いす", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("購読テスト階段", ics, StringComparison.Ordinal);
        Assert.Contains("RRULE:FREQ=WEEKLY;COUNT=4;BYDAY=SA", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTART;TZID=Asia/Tokyo:20260613T100000", ics, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Count(await browser.GetStringAsync(new Uri("/search.ics?q=購読テスト", UriKind.Relative)), "BEGIN:VEVENT"));
    }

    [Theory]
    [InlineData("ja", "アクセシビリティ「Stairs」は見つからないため")]
    [InlineData("en", "Accessibility feature \"Stairs\" was not found")]
    public async Task A_feed_with_a_mistake_in_its_url_says_so_in_the_readers_language(string culture, string message)
    {
        var response = await app.CreateBrowser(culture).GetAsync(new Uri("/search.ics?access=Stairs", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, json.RootElement.GetProperty("errors").GetProperty("access")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_way_an_admin_added_filters_the_search_under_its_own_name()
    {
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.WaysToTakePart.Add(new WayToTakePart(900, "night-patrol", "夜回りに参加", "Join the night patrol", "dot", 900));
            await db.SaveChangesAsync();
        }
        var org = await SearchData.OrganizationAsync(app, "夜回りの会");
        await SearchData.OpportunityAsync(app, org.Id, SearchData.Details("夜回りテスト冬", Saturday, ways: [900]));
        await SearchData.OpportunityAsync(app, org.Id, SearchData.Details("夜回りテスト説明会", Saturday, ways: [1]));
        await SearchData.CatchUpAsync(app);

        var api = await app.CreateBrowser().GetAsync(new Uri("/api/v1/opportunities?q=夜回りテスト&way=night-patrol", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        using var json = JsonDocument.Parse(await api.Content.ReadAsStringAsync());
        Assert.Equal(1, json.RootElement.GetProperty("total").GetInt32());

        Assert.Contains("夜回りに参加</a> (1)", await app.CreateBrowser().GetStringAsync(new Uri("/search?q=夜回りテスト", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Contains("Join the night patrol</a> (1)", await app.CreateBrowser("en").GetStringAsync(new Uri("/search?q=夜回りテスト", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_grouping_is_a_facet_link_that_narrows_to_its_municipalities()
    {
        var org = await SearchData.OrganizationAsync(app, "区分の会");
        await SearchData.OpportunityAsync(app, org.Id, SearchData.Details("区分テスト千葉", Saturday, municipality: "121002"));
        await SearchData.OpportunityAsync(app, org.Id, SearchData.Details("区分テスト銚子", Saturday, municipality: "122025"));
        await SearchData.CatchUpAsync(app);
        var browser = app.CreateBrowser();

        var page = await browser.GetStringAsync(new Uri("/search?q=区分テスト", UriKind.Relative));
        var links = GroupingLink().Matches(page).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.Equal(2, links.Count);
        foreach (var link in links)
        {
            var narrowed = await browser.GetStringAsync(new Uri(link, UriKind.Relative));
            Assert.Contains("1件見つかりました。", narrowed, StringComparison.Ordinal);
            Assert.Contains("aria-current=\"true\">", narrowed, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/", "地域の活動と、あなたをつなぐ。")]
    [InlineData("/search?q=区分", "「区分」の検索結果")]
    [InlineData("/regions", "地域")]
    [InlineData("/regions/122025", "銚子市")]
    public async Task Public_pages_have_a_title_a_description_and_open_graph_tags(string url, string title)
    {
        var html = await app.CreateBrowser().GetStringAsync(new Uri(url, UriKind.Relative));
        Assert.Contains($"<title>{title} | つながり</title>", html, StringComparison.Ordinal);
        Assert.Contains($"<meta property=\"og:title\" content=\"{title}\">", html, StringComparison.Ordinal);
        Assert.Matches("<meta name=\"description\" content=\"[^\"]{10,}\">", html);
        Assert.Contains("<meta property=\"og:locale\" content=\"ja_JP\">", html, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(html, "property=\"og:url\""));
    }

    [GeneratedRegex("<a href=\"(/search\\.ics\\?[^\"]+)\"")]
    private static partial Regex CalendarLink();

    [GeneratedRegex("<h3><a href=\"(/search\\?[^\"]*grouping=[^\"]+)\"")]
    private static partial Regex GroupingLink();
}
