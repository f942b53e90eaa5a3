using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Tsunagari.BrowserTests;

public sealed class CollaborationJourneys
{
    private const string Password = "tsunagari-demo";

    /// <summary>
    /// The trial-collaboration scheme end to end: a department posts a call, an NPO proposes, two reviewers score, the
    /// proposal is adopted, the agreement is signed by both sides, the pilot reports, both sides evaluate, and the decision
    /// to institutionalize moves the initiative to the system stage, where the government view shows it.
    /// </summary>
    [Fact]
    public async Task ACallBecomesAPilotAndThenASystem()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = session.Page;
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9));
        string Day(int days) => today.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        const string callTitle = "公園の花壇を地域と協働で管理します（ブラウザテスト）";
        const string proposalTitle = "花壇を核にした多世代の交流（ブラウザテスト）";

        // A department posts the call and adds its reviewers.
        await SignInAsync(session, "coordinator@example.jp");
        await session.GotoAsync("/collaboration");
        await page.GetByRole(AriaRole.Link, new() { Name = "協働試行制度の募集", Exact = true }).ClickAsync();
        await session.CheckPageAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "協働試行制度の募集をつくる", Exact = true }).ClickAsync();
        await session.CheckPageAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "募集の型" }).GetByLabel("行政提案型").CheckAsync();
        await page.Locator("#Input_Title").FillAsync(callTitle);
        await page.Locator("#Input_Theme").FillAsync("公園の花壇の管理を、地域の団体と行政がともに担う仕組みの試行");
        await page.Locator("#Input_Description").FillAsync("半年間、1つの公園で花壇の管理を協働で試行します。");
        await page.Locator("#Input_Department").FillAsync("公園緑地課");
        await page.Locator("#Input_BudgetCeiling").FillAsync("500000");
        await page.Locator("#Input_StartsOn").FillAsync(Day(30));
        await page.Locator("#Input_EndsOn").FillAsync(Day(210));
        await page.Locator("#Input_Deadline").FillAsync(Day(20));
        await page.Locator("#criterion-name-0").FillAsync("協働の効果");
        await page.Locator("#criterion-max-0").FillAsync("20");
        await page.Locator("#criterion-name-1").FillAsync("実現性");
        await page.Locator("#criterion-max-1").FillAsync("10");
        await page.GetByRole(AriaRole.Button, new() { Name = "下書きを保存する", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(callTitle);
        var callUrl = new Uri(page.Url).AbsolutePath;
        await session.CheckPageAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "募集を公開する", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("募集中");
        foreach (var reviewer in new[] { "admin@example.jp", "coordinator@example.jp" })
        {
            await page.Locator("#ReviewerEmail").FillAsync(reviewer);
            await page.GetByRole(AriaRole.Button, new() { Name = "審査員を加える", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        }
        await session.CheckPageAsync();
        await SignOutAsync(session);

        // An NPO's admin proposes and submits.
        await SignInAsync(session, "orgadmin@example.jp");
        await session.GotoAsync(callUrl);
        await page.GetByRole(AriaRole.Link, new() { Name = "この募集に提案する", Exact = true }).ClickAsync();
        await session.CheckPageAsync();
        await page.Locator("#Input_Title").FillAsync(proposalTitle);
        await page.Locator("#Input_Goal").FillAsync("花壇の手入れに子どもから高齢者まで月100人が関わる。");
        await page.Locator("#Input_Plan").FillAsync("月2回の手入れの会と、季節ごとの植え替えイベントを開く。");
        await page.Locator("#Input_Roles").FillAsync("団体：会の運営と呼びかけ／行政：苗と道具、公園の使用許可");
        await page.Locator("#Input_Budget").FillAsync("300000");
        await page.Locator("#Input_StartsOn").FillAsync(Day(30));
        await page.Locator("#Input_EndsOn").FillAsync(Day(200));
        await page.Locator("#Input_Place").FillAsync("中央公園");
        await page.Locator("#Input_OrganizationId").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByRole(AriaRole.Button, new() { Name = "下書きを保存する", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(proposalTitle);
        var proposalUrl = new Uri(page.Url).AbsolutePath;
        await session.CheckPageAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "提案を提出する", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("提出済み");
        await session.CheckPageAsync();
        await SignOutAsync(session);

        // The department closes submissions; each reviewer declares no conflict and scores with the rubric.
        await SignInAsync(session, "coordinator@example.jp");
        await session.GotoAsync(callUrl);
        await page.GetByRole(AriaRole.Button, new() { Name = "審査を始める", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("審査中");
        await SignOutAsync(session);
        foreach (var (reviewer, scores) in new[] { ("admin@example.jp", ("18", "8")), ("coordinator@example.jp", ("16", "9")) })
        {
            await SignInAsync(session, reviewer);
            await session.GotoAsync(callUrl);
            await page.GetByRole(AriaRole.Region, new() { Name = "審査する提案" }).GetByRole(AriaRole.Link, new() { Name = proposalTitle }).ClickAsync();
            await session.CheckPageAsync();
            await page.GetByRole(AriaRole.Group, new() { Name = "利益相反の有無" }).GetByLabel("利益相反はない").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "申告する", Exact = true }).ClickAsync();
            await page.Locator("#score-0").FillAsync(scores.Item1);
            await page.Locator("#score-1").FillAsync(scores.Item2);
            await page.Locator("#Scoring_Comment").FillAsync("多世代の関わりが具体的。");
            await page.GetByRole(AriaRole.Button, new() { Name = "採点を保存する", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
            await session.CheckPageAsync();
            if (reviewer != "coordinator@example.jp") await SignOutAsync(session);
        }

        // The department adopts it, with reasons, and records the agreement with both parties' roles and its signature.
        await session.GotoAsync(callUrl + "/review");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("26");
        await session.CheckPageAsync();
        var decision = page.GetByRole(AriaRole.Main).Locator("form").Filter(new() { HasText = "結果" }).First;
        await decision.GetByLabel("採択", new() { Exact = true }).CheckAsync();
        await decision.Locator("textarea[name='Decision.Reason']").FillAsync("地域の多世代が関わる具体的な計画で、協働の効果が大きい。");
        await decision.GetByRole(AriaRole.Button, new() { Name = "決定する" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "協定へ " + proposalTitle, Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("協定 — " + proposalTitle);
        await session.CheckPageAsync();
        await page.Locator("#Input_Roles_0__Party").SelectOptionAsync("Government");
        await page.Locator("#Input_Roles_0__Responsibility").FillAsync("苗と道具の用意、公園の使用許可");
        await page.Locator("#Input_Roles_1__Party").SelectOptionAsync("Partner");
        await page.Locator("#Input_Roles_1__Responsibility").FillAsync("手入れの会の運営と参加の呼びかけ");
        await page.Locator("#Input_GovernmentCost").FillAsync("200000");
        await page.Locator("#Input_PartnerCost").FillAsync("100000");
        await page.Locator("#Input_StartsOn").FillAsync(Day(30));
        await page.Locator("#Input_EndsOn").FillAsync(Day(200));
        await page.Locator("#Input_PlaceBoundaries").FillAsync("中央公園の東側花壇");
        await page.Locator("#Input_ReportingDuties").FillAsync("月1回の進捗報告と最終報告");
        await page.GetByRole(AriaRole.Button, new() { Name = "協定を保存する", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        await page.Locator("#Signature_Name").FillAsync("公園緑地課長");
        await page.GetByRole(AriaRole.Button, new() { Name = "署名する", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        await session.CheckPageAsync();
        await SignOutAsync(session);

        // The NPO signs, which starts the pilot; it reports its results against the goal and evaluates the collaboration.
        await SignInAsync(session, "orgadmin@example.jp");
        await session.GotoAsync(proposalUrl);
        await page.GetByRole(AriaRole.Link, new() { Name = "協定へ", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("協定 — " + proposalTitle);
        await page.Locator("#Signature_Name").FillAsync("理事長 船橋 一郎");
        await page.GetByRole(AriaRole.Button, new() { Name = "署名する", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "協働の試行へ", Exact = true }).ClickAsync();
        var pilotUrl = new Uri(page.Url).AbsolutePath;
        await session.CheckPageAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "報告の種類" }).GetByLabel("最終報告").CheckAsync();
        await page.Locator("#NewReport_Text").FillAsync("手入れの会を12回開いた。");
        await page.Locator("#NewReport_ResultsAgainstGoals").FillAsync("目標の月100人に対し、平均で月115人が関わった。");
        await page.GetByRole(AriaRole.Button, new() { Name = "報告する", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("平均で月115人が関わった");
        await session.CheckPageAsync();
        await EvaluateAsync(session, pilotUrl, 4);
        await SignOutAsync(session);

        // The department evaluates too (both answers side by side), then decides to build the pilot into a system.
        await SignInAsync(session, "coordinator@example.jp");
        await EvaluateAsync(session, pilotUrl, 5);
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "双方の評価" })).ToContainTextAsync("4");
        // The government view's matrix before the decision: how many initiatives are at the pilot and system stages.
        await session.GotoAsync("/collaboration/government");
        var pilotCell = page.Locator("td[data-place='Together-Pilot-now']");
        var systemCell = page.Locator("td[data-place='Together-System-now']");
        var piloting = int.Parse(await pilotCell.InnerTextAsync(), CultureInfo.InvariantCulture);
        var systems = int.Parse(await systemCell.InnerTextAsync(), CultureInfo.InvariantCulture);
        await session.GotoAsync(pilotUrl);
        await page.GetByRole(AriaRole.Group, new() { Name = "判断" }).GetByLabel("制度化する").CheckAsync();
        await page.Locator("#Decision_Reason").FillAsync("目標を上回る参加があり、他の公園にも広げる制度とする。");
        await page.GetByRole(AriaRole.Button, new() { Name = "判断を記録する", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("制度化する");
        await session.CheckPageAsync();

        // The initiative is now at the system stage, and the government view shows it there: the matrix counts it at the
        // system stage instead of the pilot stage, and its row in the list says so.
        await session.GotoAsync("/collaboration/government");
        await session.CheckPageAsync();
        await Expect(systemCell).ToHaveTextAsync((systems + 1).ToString(CultureInfo.InvariantCulture));
        await Expect(pilotCell).ToHaveTextAsync((piloting - 1).ToString(CultureInfo.InvariantCulture));
        var list = page.GetByRole(AriaRole.Table).Filter(new() { HasText = "更新の新しい順" });
        var row = list.GetByRole(AriaRole.Row).Filter(new() { HasText = proposalTitle });
        await Expect(row).ToContainTextAsync("制度づくり");
        await row.GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("目標を上回る参加があり");
        await session.CheckPageAsync();
        await session.GotoAsync("/collaboration/results");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(proposalTitle);
        await session.CheckPageAsync();
        session.Finish();
    }

    private static async Task EvaluateAsync(BrowserSession session, string pilotUrl, int rating)
    {
        var page = session.Page;
        await session.GotoAsync(pilotUrl + "/evaluation");
        for (var i = 0; i < 5; i++) await page.Locator($"input[name='Input.Ratings[{i}]'][value='{rating}']").CheckAsync();
        await page.Locator("#Input_Comment").FillAsync("役割分担が明確だった。");
        await page.GetByRole(AriaRole.Button, new() { Name = "評価を保存する", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        await session.CheckPageAsync();
    }

    private static async Task SignInAsync(BrowserSession session, string email)
    {
        var page = session.Page;
        await session.GotoAsync("/account/login");
        await page.GetByLabel("メールアドレス", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("パスワード", new() { Exact = true }).FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "サインイン", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Banner).GetByText("サインアウト", new() { Exact = true })).ToBeVisibleAsync();
        await session.CheckPageAsync(); // the page sign-in lands on
    }

    private static async Task SignOutAsync(BrowserSession session)
    {
        var page = session.Page;
        await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = "サインアウト" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "サインイン", Exact = true })).ToBeVisibleAsync();
    }
}
