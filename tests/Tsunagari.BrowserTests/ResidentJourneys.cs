using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Tsunagari.BrowserTests;

public sealed class ResidentJourneys
{
    [Fact]
    public async Task ResidentRegistersConfirmsSignsInAndSwitchesToEnglish()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = session.Page;
        const string email = "hanako@example.jp";
        const string password = "Tsunagari-2026-secret!";

        await session.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "新規登録", Exact = true }).First.ClickAsync();
        await page.WaitForURLAsync("**/account/register");
        await session.CheckPageAsync();

        await page.GetByLabel("表示名", new() { Exact = true }).FillAsync("千葉 花子");
        await page.GetByLabel("メールアドレス", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("パスワード", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("パスワード（確認）", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("個人情報の取り扱いに同意します").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "登録する", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("メール");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "登録する", Exact = true })).ToHaveCountAsync(0);
        await session.CheckPageAsync();

        var mail = await Mailbox.WaitForNewestAsync(session.Server.MailDirectory, TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Contains(mail.To.Mailboxes, m => string.Equals(m.Address, email, StringComparison.OrdinalIgnoreCase));
        await session.GotoAsync(Mailbox.FindLink(mail, "/account/confirm-email"));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("確認しました");

        await session.GotoAsync("/account/login");
        await page.GetByLabel("メールアドレス", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("パスワード", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "サインイン", Exact = true }).ClickAsync();

        var header = page.GetByRole(AriaRole.Banner);
        await Expect(header.GetByRole(AriaRole.Link, new() { Name = "アカウント", Exact = true })).ToBeVisibleAsync();
        await Expect(header.GetByText("サインアウト", new() { Exact = true })).ToBeVisibleAsync();
        await session.CheckPageAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "English", Exact = true }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(header.GetByText("Sign out", new() { Exact = true })).ToBeVisibleAsync();
        await session.CheckPageAsync();

        await session.GotoAsync("/account");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(header.GetByText("Sign out", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Account");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(email);

        session.Finish();
    }
}
