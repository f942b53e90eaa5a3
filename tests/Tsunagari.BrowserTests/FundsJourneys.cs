using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tsunagari.Data;
using Tsunagari.Data.Demo;
using Tsunagari.Features.Organizations;
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

    /// <summary>
    /// The demo community fund's open call, from application to closing: the demo NPO applies and submits, the fund's
    /// admin adds a coordinator as reviewer, the coordinator scores it, the fund awards 250,000 yen, schedules and pays it
    /// (a transfer on both ledgers), the NPO sends its final report, and the fund closes the grant.
    /// </summary>
    [Fact]
    public async Task AFundRunsAGrantCallThroughAwardAndReport()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = session.Page;
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var (npoId, npo) = await DemoNpoAsync(session.Server);
        const string title = "子どもと作る防災マップ（ブラウザテスト）";

        await SignInAsync(session, "orgadmin@example.jp");
        await session.GotoAsync("/programmes");
        await page.GetByRole(AriaRole.Link, new() { Name = "防災と見守りの担い手づくり助成 2027" }).ClickAsync();
        await session.CheckPageAsync();
        var programmeUrl = new Uri(page.Url).AbsolutePath;
        await page.GetByRole(AriaRole.Link, new() { Name = "応募する", Exact = true }).ClickAsync();
        await session.CheckPageAsync();
        await page.GetByLabel("応募する団体").SelectOptionAsync(new SelectOptionValue { Label = npo });
        await page.GetByLabel("事業の名前").FillAsync(title);
        await page.GetByRole(AriaRole.Button, new() { Name = "下書きを保存する" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "応募の状況" })).ToBeVisibleAsync();
        await session.CheckPageAsync();
        var applicationUrl = new Uri(page.Url).AbsolutePath;
        await page.GetByLabel("事業の概要").FillAsync("小学生と地域の大人が一緒にまちを歩き、危ない場所と避難場所の地図を作ります。");
        await page.GetByLabel("申請額（円）").FillAsync("250,000");
        await page.GetByLabel("事業の目的").FillAsync("災害時に子どもが自分で避難できるようにする。");
        await page.GetByLabel("担い手をどう育てるか").FillAsync("地図づくりに参加した中高生を次の年の案内役にする。");
        await page.GetByRole(AriaRole.Button, new() { Name = "下書きを保存する" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        await session.CheckPageAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "応募を提出する" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        await session.CheckPageAsync();

        // The fund's admin adds a reviewer.
        await session.GotoAsync(programmeUrl + "/manage");
        await page.GetByLabel("審査員のメールアドレス").FillAsync("coordinator@example.jp");
        await page.GetByRole(AriaRole.Button, new() { Name = "審査員に加える" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        await session.CheckPageAsync();
        await SignOutAsync(session);

        await SignInAsync(session, "coordinator@example.jp");
        await session.GotoAsync(applicationUrl + "/review");
        await page.GetByLabel("地域の課題への効果").SelectOptionAsync("4");
        await page.GetByLabel("実現性").SelectOptionAsync("5");
        await page.GetByLabel("コメント").FillAsync("子どもが主役になる設計がよい。");
        await page.GetByRole(AriaRole.Button, new() { Name = "審査を保存する" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        await session.CheckPageAsync();
        await SignOutAsync(session);

        // The award, its payment and the final report.
        await SignInAsync(session, "orgadmin@example.jp");
        await session.GotoAsync(programmeUrl + "/manage");
        var decision = page.GetByRole(AriaRole.Region, new() { Name = "結果を決める：" + title });
        await decision.GetByLabel("助成額（円）").FillAsync("250,000");
        await decision.GetByLabel("助成の条件").FillAsync("地図を公民館に掲示すること。");
        await decision.GetByRole(AriaRole.Button, new() { Name = "助成を決定する" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        await session.CheckPageAsync();
        await session.GotoAsync(applicationUrl);
        await page.GetByRole(AriaRole.Link, new() { Name = "助成の内容と交付・報告" }).ClickAsync();
        await session.CheckPageAsync();
        await page.GetByLabel("交付日").FillAsync(today);
        await page.GetByLabel("金額（円）").FillAsync("250,000");
        await page.GetByRole(AriaRole.Button, new() { Name = "交付の予定を加える" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        await session.CheckPageAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "交付する" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        await session.CheckPageAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "報告の種類" }).GetByLabel("完了報告").CheckAsync();
        await page.GetByLabel("報告の内容").FillAsync("3校の児童42人と地図を作り、公民館と学校に掲示しました。");
        await page.GetByRole(AriaRole.Button, new() { Name = "報告を提出する" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("3校の児童42人と地図を作り");
        await session.CheckPageAsync();
        await page.GetByLabel("助成を完了することを確認しました").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "助成を完了する" }).Last.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        await session.CheckPageAsync();

        // The payment is on the NPO's ledger.
        await session.GotoAsync($"/organizations/{npoId}/ledger");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "台帳の記録（新しい順）" })).ToContainTextAsync(title);
        session.Finish();
    }

    /// <summary>The demo NPO the grants demo funds: the first by name of the demo admin's NPOs.</summary>
    private static async Task<(Guid Id, string Name)> DemoNpoAsync(TsunagariServer server)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var npo = await db.Organizations.AsNoTracking()
            .Where(o => o.Kind == OrganizationKind.Npo && o.Memberships.Any(m => m.Role == MembershipRole.Admin && db.Users.Any(u => u.Id == m.AccountId && u.Email == "orgadmin@example.jp")))
            .OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).FirstAsync();
        return (npo.Id, npo.Name);
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
