using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tsunagari.Tests.Platform;

public sealed class PlatformTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task Pages_are_Japanese_by_default_and_English_on_request_remembered_by_cookie()
    {
        var browser = app.CreateBrowser();
        Assert.Contains("<html lang=\"ja\">", await browser.GetStringAsync(new Uri("/", UriKind.Relative)), StringComparison.Ordinal);

        var english = await browser.GetStringAsync(new Uri("/?culture=en", UriKind.Relative));
        Assert.Contains("<html lang=\"en\">", english, StringComparison.Ordinal);
        Assert.Contains("Sign in", english, StringComparison.Ordinal);

        var next = await browser.GetStringAsync(new Uri("/account/login", UriKind.Relative));
        Assert.Contains("<html lang=\"en\">", next, StringComparison.Ordinal);
        Assert.Contains("?culture=ja", next, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_browser_language_is_used_when_nothing_was_chosen()
    {
        var html = await app.CreateBrowser("en-US").GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers()
    {
        var response = await app.CreateBrowser().GetAsync(new Uri("/", UriKind.Relative));
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Health_check_reports_the_database()
    {
        var response = await app.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused_with_a_localized_page()
    {
        var response = await app.CreateBrowser().PostAsync(new Uri("/account/login", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "a@example.jp", ["Input.Password"] = "whatever password" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("フォームの有効期限が切れた場合は", await response.HtmlAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_pages_get_a_localized_404_and_unknown_API_paths_get_problem_details()
    {
        var page = await app.CreateBrowser("en").GetAsync(new Uri("/no-such-page", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("Page not found", await page.HtmlAsync(), StringComparison.Ordinal);

        var api = await app.CreateClient().GetAsync(new Uri("/api/v1/no-such-thing", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType!.MediaType);
        var problem = await api.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Equal("ページが見つかりません", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Oversized_requests_are_refused_with_413()
    {
        using var big = new ByteArrayContent(new byte[Tsunagari.Platform.PlatformSetup.MaxRequestBodyBytes + 1]);
        big.Headers.ContentType = new("application/json");
        var api = await app.CreateClient().PostAsync(new Uri("/api/v1/me", UriKind.Relative), big);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType!.MediaType);

        using var bigForm = new ByteArrayContent(new byte[Tsunagari.Platform.PlatformSetup.MaxRequestBodyBytes + 1]);
        bigForm.Headers.ContentType = new("application/x-www-form-urlencoded");
        var page = await app.CreateBrowser().PostAsync(new Uri("/account/login", UriKind.Relative), bigForm);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, page.StatusCode);
        Assert.Contains("送信されたデータが大きすぎます", await page.HtmlAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_API()
    {
        var document = await app.CreateClient().GetFromJsonAsync<JsonElement>(new Uri("/openapi/v1.json", UriKind.Relative));
        Assert.True(document.GetProperty("paths").TryGetProperty("/api/v1/me", out _));
    }
}
