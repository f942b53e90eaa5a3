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
