using System.Net;

namespace Tsunagari.Tests.Platform;

public sealed class RateLimitTests(RateLimitTests.StrictApp app) : IClassFixture<RateLimitTests.StrictApp>
{
    public sealed class StrictApp : TestApp
    {
        protected override void Configure(IDictionary<string, string?> settings) => settings["RateLimits:AccountPermitLimit"] = "3";
    }

    [Fact]
    public async Task Too_many_sign_in_attempts_get_429_with_Retry_After()
    {
        var browser = app.CreateBrowser();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
        {
            last = await browser.PostFormAsync("/account/login", new() { ["Input.Email"] = "guess@example.jp", ["Input.Password"] = "guess number " + i });
            statuses.Add(last.StatusCode);
        }
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.True(last!.Headers.RetryAfter!.Delta > TimeSpan.Zero);
        Assert.Contains($"{last.Headers.RetryAfter.Delta!.Value.TotalSeconds}秒後にもう一度お試しください", await last.HtmlAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(new Uri("/account/login", UriKind.Relative))).StatusCode);
    }
}

/// <summary>The account forms share one limit per client address (a fixture of its own, so the window starts empty).</summary>
public sealed class AccountFormRateLimitTests(RateLimitTests.StrictApp app) : IClassFixture<RateLimitTests.StrictApp>
{
    [Fact]
    public async Task Registration_mail_and_password_reset_forms_count_towards_the_same_limit()
    {
        var browser = app.CreateBrowser();
        var email = "flood@example.jp";
        var statuses = new List<HttpStatusCode>
        {
            (await browser.PostFormAsync("/account/forgot-password", new() { ["Input.Email"] = email })).StatusCode,
            (await browser.PostFormAsync("/account/resend-confirmation", new() { ["Input.Email"] = email })).StatusCode,
            (await browser.PostFormAsync("/account/register", new() { ["Input.Email"] = email, ["Input.DisplayName"] = "x", ["Input.Password"] = "short" })).StatusCode,
            // The fourth within the window: refused only because the three before it counted, and it counts itself.
            (await browser.PostFormAsync("/account/reset-password", new() { ["Input.Email"] = email, ["Input.Code"] = "guess", ["Input.Password"] = "a new password 1" })).StatusCode,
        };
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses[..3]);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[3]);
    }
}
