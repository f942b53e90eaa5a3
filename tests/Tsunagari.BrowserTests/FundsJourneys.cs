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

    /// <summary>
    /// A resident gives 5,000 yen a month to the demo campaign and asks for a receipt; she gets the bank account and her
    /// reference. The organization finds her transfer by that reference and confirms it; her receipt (寄附金受領証明書)
    /// then carries the organization's certification, her name and address, the amount, the day and the purpose.
    /// </summary>
    [Fact]
    public async Task ADonorGivesMonthlyToACampaignAndGetsAReceipt()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = session.Page;
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        await SignInAsync(session, "resident@example.jp");
        await session.GotoAsync("/campaigns");
        await page.GetByRole(AriaRole.Link, new() { Name = "子ども食堂の冷蔵庫を新しくする" }).ClickAsync();
        await session.CheckPageAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "寄附する", Exact = true }).ClickAsync();
        await session.CheckPageAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "寄附の方法" }).GetByLabel("毎月").CheckAsync();
        await page.GetByLabel("金額", new() { Exact = true }).FillAsync("5,000");
        await page.GetByLabel("使いみちの指定（任意）").FillAsync("冷蔵庫の購入に（ブラウザテスト）");
        await page.GetByLabel("団体が私の名前（と、受領証明書を希望する場合は住所）を見ることに同意する").CheckAsync();
        await page.GetByLabel("寄附金受領証明書を希望する").CheckAsync();
        await page.GetByLabel("お名前", new() { Exact = true }).FillAsync("千葉 花子");
        await page.GetByLabel("ご住所").FillAsync("千葉県船橋市本町2-2");
        await page.GetByRole(AriaRole.Button, new() { Name = "申し込む" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "お振込みのご案内" })).ToBeVisibleAsync();
        await session.CheckPageAsync();
        var donationUrl = new Uri(page.Url).AbsolutePath;
        var reference = (await page.Locator("dd strong").First.InnerTextAsync()).Trim();
        Assert.Matches("^[0-9]{8}$", reference);
        await SignOutAsync(session);

        // The organization confirms the transfer that carries her reference.
        await SignInAsync(session, "orgadmin@example.jp");
        await session.GotoAsync("/campaigns");
        await page.GetByRole(AriaRole.Link, new() { Name = "子ども食堂の冷蔵庫を新しくする" }).ClickAsync();
        await session.CheckPageAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "寄附の管理" }).ClickAsync();
        await session.CheckPageAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = reference });
        await row.GetByLabel("入金日").FillAsync(today);
        await row.GetByRole(AriaRole.Button, new() { Name = "入金を確認する" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        await session.CheckPageAsync();
        await SignOutAsync(session);

        // Her receipt.
        await SignInAsync(session, "resident@example.jp");
        await session.GotoAsync(donationUrl);
        await page.GetByRole(AriaRole.Link, new() { Name = "寄附金受領証明書を見る" }).ClickAsync();
        await session.CheckPageAsync();
        var receipt = page.GetByRole(AriaRole.Main);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("寄附金受領証明書");
        await Expect(receipt).ToContainTextAsync("千葉 花子");
        await Expect(receipt).ToContainTextAsync("千葉県船橋市本町2-2");
        await Expect(receipt).ToContainTextAsync("5,000");
        await Expect(receipt).ToContainTextAsync("千葉県指令県生第1234号");
        await Expect(receipt).ToContainTextAsync("冷蔵庫の購入に（ブラウザテスト）");
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
