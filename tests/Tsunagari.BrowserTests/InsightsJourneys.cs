using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Tsunagari.BrowserTests;

/// <summary>Visibility (見える化): prefecture staff read the regional figures, the network of connections and the coverage of the policy framework.</summary>
public sealed class InsightsJourneys
{
    private const string Password = "tsunagari-demo";

    /// <summary>
    /// A member of the prefecture's staff opens the prefecture's dashboard from the insights page, drills into 千葉市,
    /// reads the table behind its participants' chart, then opens the network view
    /// to find the organizations that bridge the others, and the coverage matrix of the 24 challenges and 27 pathways.
    /// </summary>
    [Fact]
    public async Task PrefectureStaffDrillFromThePrefectureToAMunicipalityAndFindBridgesAndGaps()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = session.Page;
        await SignInAsync(session, "admin@example.jp");

        await session.GotoAsync("/insights");
        await page.GetByRole(AriaRole.Link, new() { Name = "地域のダッシュボード" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("千葉県の地域ダッシュボード");
        // ECharts draws the prefecture's participants (on a canvas: the page's CSP refuses the SVG renderer's style attributes).
        await Expect(page.GetByRole(AriaRole.Figure, new() { Name = "参加者の推移" }).Locator(".chart-canvas canvas")).ToHaveCountAsync(1);
        await session.CheckPageAsync();

        // Drill into a municipality from the table of municipalities.
        await page.GetByRole(AriaRole.Table).Filter(new() { Has = page.GetByRole(AriaRole.Columnheader, new() { Name = "市区町村" }) })
            .GetByRole(AriaRole.Link, new() { Name = "千葉市", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("千葉市の地域ダッシュボード");
        await session.CheckPageAsync();

        // The table behind the municipality's chart, and its download.
        var chart = page.GetByRole(AriaRole.Figure, new() { Name = "参加者の推移" });
        await chart.GetByText("表で見る：参加者の推移").ClickAsync();
        var table = chart.GetByRole(AriaRole.Table, new() { Name = "参加者の推移" });
        await Expect(table).ToBeVisibleAsync();
        await Expect(table.GetByRole(AriaRole.Rowheader).First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d{4}Q[1-4]$"));
        await Expect(chart.GetByRole(AriaRole.Link, new() { Name = "参加者の推移のCSV" })).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("chart=participants&format=csv"));
        await session.CheckPageAsync();

        // The network of connections and the organizations that bridge the others.
        await session.GotoAsync("/insights");
        await page.GetByRole(AriaRole.Link, new() { Name = "つながりのネットワーク" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "橋渡し役の団体" })).ToBeVisibleAsync();
        var bridges = page.GetByRole(AriaRole.Table, new() { Name = "媒介中心性の高い団体（上位10）" });
        await Expect(bridges.GetByRole(AriaRole.Link).First).ToBeVisibleAsync();
        await session.CheckPageAsync();

        // The coverage matrix: where the framework has measures and where it has none.
        await session.GotoAsync("/insights");
        await page.GetByRole(AriaRole.Link, new() { Name = "施策の登録状況" }).ClickAsync();
        var matrix = page.GetByRole(AriaRole.Table, new() { Name = "課題・方策ごとの取組の数（型と段階別）" });
        await Expect(matrix).ToBeVisibleAsync();
        await Expect(matrix.GetByText("施策なし").First).ToBeVisibleAsync();
        await session.CheckPageAsync();
        session.Finish();
    }

    /// <summary>
    /// The backbone organization's admin opens the demo collective impact network from the insights page, its dashboard
    /// (each partner's values, and people counted once across partners) and its communication log, and marks an activity
    /// done; a visitor's map of municipalities and the open data's schema are checked on the way.
    /// </summary>
    [Fact]
    public async Task ABackboneReadsItsCollectiveImpactDashboardAndTheMapAndOpenDataAreReadable()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = session.Page;
        await session.GotoAsync("/insights/map");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "柏市", Exact = false }).First).ToBeVisibleAsync();
        await session.GotoAsync("/insights/open-data");

        await SignInAsync(session, "orgadmin@example.jp");
        await session.GotoAsync("/insights");
        await page.GetByRole(AriaRole.Link, new() { Name = "コレクティブ・インパクト" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("コレクティブ・インパクト");
        await session.CheckPageAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "子どもの居場所ネットワーク" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("子どもの居場所ネットワーク");
        await session.CheckPageAsync();
        var overview = new Uri(page.Url).AbsolutePath;
        await session.GotoAsync(overview + "/dashboard");
        await session.GotoAsync(overview + "/log");

        // An activity moves on: its status is changed on the submissions page, from the keyboard-reachable radios.
        await session.GotoAsync(overview + "/submissions");
        var activity = page.Locator("form").Filter(new() { Has = page.GetByRole(AriaRole.Button, new() { Name = "状態を変える" }) }).First;
        await activity.GetByLabel("完了", new() { Exact = true }).CheckAsync();
        await activity.GetByRole(AriaRole.Button, new() { Name = "状態を変える" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("活動の状態を変えました。");
        await session.CheckPageAsync();
        session.Finish();
    }

    private static async Task SignInAsync(BrowserSession session, string email)
    {
        var page = session.Page;
        await session.GotoAsync("/account/login");
        await page.GetByLabel("メールアドレス", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("パスワード", new() { Exact = true }).FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "サインイン", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Banner).GetByText("サインアウト", new() { Exact = true })).ToBeVisibleAsync();
        await session.CheckPageAsync();
    }
}
