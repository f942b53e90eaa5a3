using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;

namespace Tsunagari.Tests.Features.Accounts;

public sealed partial class StaffAndPersonalDataTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task Staff_without_a_second_factor_are_sent_to_set_one_up()
    {
        await using (var scope = app.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
            var account = new Account { UserName = "new-admin@example.jp", Email = "new-admin@example.jp", EmailConfirmed = true, DisplayName = "新任" };
            await users.CreateAsync(account, TestApp.Password);
            await users.AddToRolesAsync(account, [Roles.Resident, Roles.PrefectureAdmin]);
        }
        var browser = app.CreateBrowser();
        var login = await browser.PostFormAsync("/account/login", new() { ["Input.Email"] = "new-admin@example.jp", ["Input.Password"] = TestApp.Password });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);

        var admin = await browser.GetAsync(new Uri("/admin/accounts", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
        Assert.Equal("/account/two-factor?required=true", admin.Headers.Location!.OriginalString);

        var setup = await browser.GetStringAsync(new Uri("/account/two-factor?required=true", UriKind.Relative));
        var key = SharedKey().Match(setup).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var enabled = await browser.PostFormAsync("/account/two-factor", new() { ["Input.Code"] = TestApp.Totp(key) }, handler: "Enable");
        Assert.Contains("リカバリーコード", await enabled.HtmlAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(new Uri("/admin/accounts", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Staff_with_two_factor_must_give_the_code_at_sign_in()
    {
        var (_, key) = await app.CreateAccountAsync("coordinator-2fa@example.jp", Roles.Coordinator);
        var browser = app.CreateBrowser();
        var login = await browser.PostFormAsync("/account/login", new() { ["Input.Email"] = "coordinator-2fa@example.jp", ["Input.Password"] = TestApp.Password });
        Assert.StartsWith("/account/login-2fa", login.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var wrong = await browser.PostFormAsync(login.Headers.Location.OriginalString, new() { ["Input.Code"] = "000000" });
        Assert.Contains("確認コードが正しくありません", await wrong.HtmlAsync(), StringComparison.Ordinal);
        var right = await browser.PostFormAsync(login.Headers.Location.OriginalString, new() { ["Input.Code"] = TestApp.Totp(key!) });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
    }

    [Fact]
    public async Task Residents_cannot_open_staff_pages()
    {
        var resident = await app.SignInAsync(Roles.Resident);
        var response = await resident.GetAsync(new Uri("/admin/accounts", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/access-denied", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task A_person_downloads_their_data_including_staff_access_to_it()
    {
        var (resident, _) = await app.CreateAccountAsync("exported@example.jp");
        var admin = await app.SignInAsync(Roles.PrefectureAdmin);
        var viewed = await admin.GetAsync(new Uri($"/admin/accounts/{resident.Id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, viewed.StatusCode);

        var browser = app.CreateBrowser();
        await browser.PostFormAsync("/account/login", new() { ["Input.Email"] = "exported@example.jp", ["Input.Password"] = TestApp.Password });
        var download = await browser.PostFormAsync("/account/personal-data", [], handler: "Download");
        Assert.Equal("application/json", download.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await download.Content.ReadAsStringAsync());
        var account = json.RootElement.GetProperty("account");
        Assert.Equal("exported@example.jp", account.GetProperty("email").GetString());
        var log = account.GetProperty("staffAccessLog").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Contains(AuditTrail.Actions.ViewPersonalData, log);
    }

    [Fact]
    public async Task Deleting_an_account_erases_the_person_and_keeps_the_audit_trail_without_them()
    {
        var (person, _) = await app.CreateAccountAsync("leaving@example.jp");
        var admin = await app.SignInAsync(Roles.PrefectureAdmin);
        await admin.GetAsync(new Uri($"/admin/accounts/{person.Id}", UriKind.Relative));

        var browser = app.CreateBrowser();
        await browser.PostFormAsync("/account/login", new() { ["Input.Email"] = "leaving@example.jp", ["Input.Password"] = TestApp.Password });
        await browser.PostFormAsync("/account/tokens", new() { ["Input.Name"] = "script", ["Input.Days"] = "30" }, handler: "Create");
        var wrongPassword = await browser.PostFormAsync("/account/personal-data", new() { ["Input.Password"] = "not my password" }, handler: "Delete");
        Assert.Contains("パスワードが正しくありません", await wrongPassword.HtmlAsync(), StringComparison.Ordinal);

        var deleted = await browser.PostFormAsync("/account/personal-data", new() { ["Input.Password"] = TestApp.Password }, handler: "Delete");
        Assert.Equal("/account/deleted", deleted.Headers.Location!.OriginalString);

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(await db.Users.AnyAsync(u => u.Id == person.Id));
        Assert.False(await db.PersonalAccessTokens.AnyAsync(t => t.AccountId == person.Id));
        Assert.False(await db.AuditEntries.AnyAsync(e => e.SubjectId == person.Id));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditTrail.Actions.ViewPersonalData && e.SubjectId == null));
    }

    [Fact]
    public async Task An_admin_changes_roles_and_the_change_is_audited()
    {
        var (person, _) = await app.CreateAccountAsync("promoted@example.jp");
        var admin = await app.SignInAsync(Roles.PrefectureAdmin);
        var saved = await admin.PostFormAsync($"/admin/accounts/{person.Id}", new() { ["SelectedRoles"] = Roles.Coordinator });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        Assert.True(await users.IsInRoleAsync((await users.FindByIdAsync(person.Id.ToString()))!, Roles.Coordinator));
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditTrail.Actions.ChangeRoles && e.SubjectId == person.Id));
    }

    [Fact]
    public async Task A_personal_access_token_authenticates_API_calls_until_revoked()
    {
        var browser = await app.SignInAsync(Roles.Resident, "api-user@example.jp");
        var created = await browser.PostFormAsync("/account/tokens", new() { ["Input.Name"] = "my script", ["Input.Days"] = "30" }, handler: "Create");
        var secret = NewToken().Match(await created.HtmlAsync()).Groups[1].Value;
        Assert.StartsWith(PersonalAccessToken.Prefix, secret, StringComparison.Ordinal);

        var api = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);

        using var withToken = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", secret) } };
        var me = await api.SendAsync(withToken);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal("api-user@example.jp", (await me.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("email").GetString());

        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var stored = await db.PersonalAccessTokens.SingleAsync(t => t.Name == "my script");
            Assert.NotEqual(secret, stored.Hash);
            Assert.NotNull(stored.LastUsedAt);
        }
        var tokensPage = await browser.GetStringAsync(new Uri("/account/tokens", UriKind.Relative));
        var id = RevokeId().Match(tokensPage).Groups[1].Value;
        await browser.PostFormAsync("/account/tokens", [], handler: $"Revoke&id={id}");

        using var afterRevoke = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", secret) } };
        var refused = await api.SendAsync(afterRevoke);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData("tsg_unknown")]
    [InlineData("garbage with spaces")]
    [InlineData("")]
    public async Task Unknown_tokens_get_401_problem_details(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        var response = await app.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task The_admin_create_verb_makes_a_prefecture_admin()
    {
        await using var scope = app.Scope();
        var result = await scope.ServiceProvider.GetRequiredService<CreateAdmin>().RunAsync("first-admin@example.jp");
        Assert.True(result.Succeeded);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var admin = await users.FindByEmailAsync("first-admin@example.jp");
        Assert.True(await users.IsInRoleAsync(admin!, Roles.PrefectureAdmin));
        Assert.True(await users.CheckPasswordAsync(admin!, result.Password!));
    }

    [GeneratedRegex(@"id=""shared-key"">([a-z0-9 ]+)<")]
    private static partial Regex SharedKey();

    [GeneratedRegex(@"id=""new-token"">(tsg_[A-Za-z0-9_\-]+)<")]
    private static partial Regex NewToken();

    [GeneratedRegex(@"action=""[^""]*id=([0-9a-f\-]{36})")]
    private static partial Regex RevokeId();
}
