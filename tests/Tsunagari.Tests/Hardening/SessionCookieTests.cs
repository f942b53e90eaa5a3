using Microsoft.Net.Http.Headers;
using Tsunagari.Features.Accounts;

namespace Tsunagari.Tests.Hardening;

/// <summary>The session cookie cannot be read by script, sent over plain HTTP, or sent by another site's form.</summary>
public sealed class SessionCookieTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task The_session_cookie_is_secure_http_only_and_same_site()
    {
        var email = $"cookie-{Guid.NewGuid():N}@example.jp";
        await app.CreateAccountAsync(email, Roles.Resident);
        var login = await app.CreateBrowser().PostFormAsync("/account/login", new() { ["Input.Email"] = email, ["Input.Password"] = TestApp.Password });
        var cookie = SetCookieHeaderValue.ParseList([.. login.Headers.GetValues(HeaderNames.SetCookie)]).Single(c => c.Name == "tsunagari");
        Assert.True(cookie.Secure);
        Assert.True(cookie.HttpOnly);
        Assert.Equal(Microsoft.Net.Http.Headers.SameSiteMode.Lax, cookie.SameSite);
        Assert.Equal("/", cookie.Path.ToString());
    }
}
