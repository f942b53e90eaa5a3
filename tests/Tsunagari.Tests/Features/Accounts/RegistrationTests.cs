using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Tsunagari.Features.Accounts;

namespace Tsunagari.Tests.Features.Accounts;

public sealed partial class RegistrationTests(TestApp app) : IClassFixture<TestApp>
{
    private static Dictionary<string, string> Form(string email, string password = "a long enough password", string? confirm = null, bool consent = true) => new()
    {
        ["Input.DisplayName"] = "海辺 みなと",
        ["Input.Email"] = email,
        ["Input.Password"] = password,
        ["Input.ConfirmPassword"] = confirm ?? password,
        ["Input.Consent"] = consent ? "true" : "false",
    };

    [Fact]
    public async Task A_resident_registers_confirms_by_mail_and_signs_in()
    {
        var browser = app.CreateBrowser();
        var registered = await browser.PostFormAsync("/account/register", Form("minato@example.jp"));
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.Equal("/account/check-mail", registered.Headers.Location!.OriginalString);

        var signInBeforeConfirming = await browser.PostFormAsync("/account/login", new() { ["Input.Email"] = "minato@example.jp", ["Input.Password"] = "a long enough password" });
        Assert.Contains("メールアドレスの確認が済んでいません", await signInBeforeConfirming.HtmlAsync(), StringComparison.Ordinal);

        var mail = Assert.Single(app.Mail(), m => m.To.ToString().Contains("minato@example.jp", StringComparison.Ordinal));
        var link = ConfirmationLink().Match(mail.TextBody!).Value;
        var confirmed = await browser.GetAsync(new Uri(link));
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("メールアドレスを確認しました", await confirmed.HtmlAsync(), StringComparison.Ordinal);

        var signedIn = await browser.PostFormAsync("/account/login", new() { ["Input.Email"] = "minato@example.jp", ["Input.Password"] = "a long enough password" });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var account = await browser.GetStringAsync(new Uri("/account", UriKind.Relative));
        Assert.Contains("minato@example.jp", account, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tampered_confirmation_link_is_refused_with_a_message()
    {
        var response = await app.CreateBrowser().GetAsync(new Uri("/account/confirm-email?userId=00000000-0000-0000-0000-000000000000&code=%%%", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("リンクの有効期限が切れているか、正しくありません", await response.HtmlAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not-an-email", "a long enough password", null, true, "メールアドレスの形式が正しくありません")]
    [InlineData("short@example.jp", "short", null, true, "パスワードは10文字以上200文字以内で入力してください")]
    [InlineData("mismatch@example.jp", "a long enough password", "another long password", true, "パスワードが一致しません")]
    [InlineData("noconsent@example.jp", "a long enough password", null, false, "個人情報の取り扱いへの同意が必要です")]
    public async Task Invalid_registration_is_explained_and_creates_nothing(string email, string password, string? confirm, bool consent, string message)
    {
        var response = await app.CreateBrowser().PostFormAsync("/account/register", Form(email, password, confirm, consent));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains("海辺 みなと", html, StringComparison.Ordinal);
        await using var scope = app.Scope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<Account>>().FindByEmailAsync(email));
    }

    [Fact]
    public async Task Invalid_registration_is_explained_in_English_when_English_is_chosen()
    {
        var response = await app.CreateBrowser("en").PostFormAsync("/account/register", Form("mismatch-en@example.jp", confirm: "different password!"));
        Assert.Contains("The passwords do not match.", await response.HtmlAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registering_an_address_twice_is_refused_and_keeps_the_first_account()
    {
        await app.CreateAccountAsync("taken@example.jp");
        var response = await app.CreateBrowser().PostFormAsync("/account/register", Form("taken@example.jp", "another long password"));
        Assert.Contains("このメールアドレスはすでに登録されています", await response.HtmlAsync(), StringComparison.Ordinal);
        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var account = await users.FindByEmailAsync("taken@example.jp");
        Assert.True(await users.CheckPasswordAsync(account!, TestApp.Password));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account()
    {
        await app.CreateAccountAsync("locked@example.jp");
        var browser = app.CreateBrowser();
        for (var i = 0; i < 5; i++)
            await browser.PostFormAsync("/account/login", new() { ["Input.Email"] = "locked@example.jp", ["Input.Password"] = "wrong password " + i });
        var withRightPassword = await browser.PostFormAsync("/account/login", new() { ["Input.Email"] = "locked@example.jp", ["Input.Password"] = TestApp.Password });
        Assert.Equal(HttpStatusCode.OK, withRightPassword.StatusCode);
        Assert.Contains("一時的にロックされています", await withRightPassword.HtmlAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_password_can_be_reset_through_the_mailed_link()
    {
        await app.CreateAccountAsync("forgetful@example.jp");
        var browser = app.CreateBrowser();
        await browser.PostFormAsync("/account/forgot-password", new() { ["Input.Email"] = "forgetful@example.jp" });
        var mail = Assert.Single(app.Mail(), m => m.To.ToString().Contains("forgetful@example.jp", StringComparison.Ordinal));
        var link = new Uri(ResetLink().Match(mail.TextBody!).Value);
        var reset = await browser.PostFormAsync(link.PathAndQuery, new()
        {
            ["Input.Email"] = "forgetful@example.jp",
            ["Input.Code"] = System.Web.HttpUtility.ParseQueryString(link.Query)["code"]!,
            ["Input.Password"] = "a brand new passphrase",
            ["Input.ConfirmPassword"] = "a brand new passphrase",
        });
        Assert.Contains("パスワードを変更しました", await reset.HtmlAsync(), StringComparison.Ordinal);
        var signedIn = await browser.PostFormAsync("/account/login", new() { ["Input.Email"] = "forgetful@example.jp", ["Input.Password"] = "a brand new passphrase" });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    [GeneratedRegex(@"https?://\S+/account/confirm-email\?\S+")]
    private static partial Regex ConfirmationLink();

    [GeneratedRegex(@"https?://\S+/account/reset-password\?\S+")]
    private static partial Regex ResetLink();
}
