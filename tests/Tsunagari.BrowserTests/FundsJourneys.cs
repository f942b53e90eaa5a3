using Microsoft.Playwright;
using Tsunagari.Data.Demo;
using static Microsoft.Playwright.Assertions;

namespace Tsunagari.BrowserTests;

/// <summary>Money that circulates: a monthly donor and her receipt, a fund's grant call from award to report, and a social impact bond's settlement.</summary>
public sealed class FundsJourneys
{
    private const string Password = "tsunagari-demo";

    /// <summary>
    /// The demo SIB (shaped like Kobe's, cap 34,060,000 yen) has its fixed payment (15,000,000) and both mid-term payments
    /// (2,000,000 and 1,000,000) approved and repaid. The evaluator records the final result, 75 %: the linear rule pays
    /// 15,060,000 × (75 − 50) ÷ (90 − 50) = 9,412,500 yen, under what the cap leaves (16,060,000). The payer approves it,
    /// and the intermediary repays it pro rata to investments of 10,000,000 : 5,000,000 : 3,000,000: 5,229,166.67,
    /// 2,614,583.33 and 1,568,750, whole yen 5,229,167 (the largest remainder takes the yen left), 2,614,583 and 1,568,750.
    /// The bank then has 15,229,167 back for 10,000,000: a return of 5,229,167 (52.3 %).
    /// </summary>
    [Fact]
    public async Task AnEvaluatorEntersTheFinalResultAndThePayerApprovesThePayment()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = session.Page;
        await SignInAsync(session, "orgadmin@example.jp");
        await session.GotoAsync("/sib");
        await page.GetByRole(AriaRole.Link, new() { Name = DemoSib.Title }).ClickAsync();
        await session.CheckPageAsync();
        var contractUrl = new Uri(page.Url).AbsolutePath;
        await page.GetByRole(AriaRole.Link, new() { Name = "測定結果", Exact = true }).ClickAsync();
        await session.CheckPageAsync();

        // The evaluator's member records the final indicator; the mid-term ones are paid and closed to changes.
        await Expect(page.GetByLabel("測定結果（%）")).ToHaveCountAsync(1);
        await page.GetByLabel("測定結果（%）").FillAsync("75");
        await page.GetByLabel("測定の根拠・メモ").FillAsync("対象者のeGFRを2年後に測定（ブラウザテスト）");
        await page.GetByRole(AriaRole.Button, new() { Name = "結果を記録する" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("測定結果を記録しました。");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("9,412,500円");
        await session.CheckPageAsync();

        // The outcome payer approves it.
        await session.GotoAsync(contractUrl + "/payments");
        var approval = page.Locator("form").Filter(new() { Has = page.GetByText("支払額：9,412,500円") });
        await approval.GetByLabel("この支払を承認します（取り消せません）。").CheckAsync();
        await approval.GetByRole(AriaRole.Button, new() { Name = "承認する" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "支払の明細" })).ToContainTextAsync("承認済み：9,412,500円");
        await session.CheckPageAsync();

        // The intermediary repays the investors pro rata.
        await page.GetByLabel("この額を償還します（取り消せません）。").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "償還する" }).ClickAsync();
        var returns = page.GetByRole(AriaRole.Table, new() { Name = "出資者ごとのリターン" });
        await Expect(returns).ToContainTextAsync("15,229,167");
        await Expect(returns).ToContainTextAsync("5,229,167");
        await Expect(returns).ToContainTextAsync("4,568,750");
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

    private static async Task SignOutAsync(BrowserSession session)
    {
        var page = session.Page;
        await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = "サインアウト" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "サインイン", Exact = true })).ToBeVisibleAsync();
    }
}
