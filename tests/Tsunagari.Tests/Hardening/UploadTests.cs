using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;
using Tsunagari.Tests.Features.Opportunities;

namespace Tsunagari.Tests.Hardening;

/// <summary>Uploads are judged by their bytes, not their names; bodies over the platform's limit get a localized 413.</summary>
public sealed partial class UploadTests(TestApp app) : IClassFixture<TestApp>
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0];

    [Fact]
    public async Task A_logo_is_taken_by_its_bytes_not_its_name()
    {
        var (browser, orgId) = await OpportunityData.OrgAdminAsync(app);
        var url = $"/organizations/{orgId}/edit";

        var png = await UploadAsync(browser, url, "Logo", "logo", Png, "notes.txt", "text/plain");
        Assert.Equal(HttpStatusCode.Redirect, png.StatusCode);
        await using (var scope = app.Scope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => o.LogoContentType).SingleAsync();
            Assert.Equal("image/png", stored);
        }

        var script = Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>");
        var text = await UploadAsync(browser, url, "Logo", "logo", script, "logo.png", "image/png");
        Assert.Equal(HttpStatusCode.OK, text.StatusCode);
        Assert.Contains("ロゴにはPNG、JPEG、WebPのいずれかの画像を選んでください。", await text.HtmlAsync(), StringComparison.Ordinal);

        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var english = await UploadAsync(browser, url, "Logo", "logo", script, "logo.png", "image/png");
        var page = await english.HtmlAsync();
        Assert.DoesNotContain("ロゴにはPNG", page, StringComparison.Ordinal);
        Assert.Contains("PNG", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bodies_over_the_limit_get_a_localized_413()
    {
        var (browser, orgId) = await OpportunityData.OrgAdminAsync(app);
        var huge = new byte[(int)Tsunagari.Platform.PlatformSetup.MaxRequestBodyBytes + 1024];
        Png.CopyTo(huge, 0);

        var page = await UploadAsync(browser, $"/organizations/{orgId}/edit", "Logo", "logo", huge, "logo.png", "image/png");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, page.StatusCode);
        Assert.Contains("送信されたデータが大きすぎます", await page.HtmlAsync(), StringComparison.Ordinal);

        // Without a Content-Length (chunked), the test host has no body limit (Kestrel's MaxRequestBodySize throws a 413
        // BadHttpRequestException); the form reader's multipart limit stops it, and it is a 413 with the same page.
        var chunked = await UploadAsync(browser, $"/organizations/{orgId}/edit", "Logo", "logo", huge, "logo.png", "image/png", chunked: true);
        Assert.True(chunked.StatusCode is HttpStatusCode.RequestEntityTooLarge, $"chunked upload gave {(int)chunked.StatusCode}");
        Assert.Contains("送信されたデータが大きすぎます", await chunked.HtmlAsync(), StringComparison.Ordinal);

        // A chunked form that is not a form at all stays a 400, not a 500.
        foreach (var broken in new[] { "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb", "no boundary at all" })
        {
            using var malformed = new HttpRequestMessage(HttpMethod.Post, new Uri($"/organizations/{orgId}/edit?handler=Logo", UriKind.Relative))
            {
                Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(broken))),
            };
            malformed.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x");
            malformed.Headers.TransferEncodingChunked = true;
            var bad = await browser.SendAsync(malformed);
            Assert.True(bad.StatusCode == HttpStatusCode.BadRequest, $"malformed chunked form gave {(int)bad.StatusCode}");
        }

        using var api = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/organizations", UriKind.Relative)) { Content = new ByteArrayContent(huge) };
        api.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        api.Headers.AcceptLanguage.ParseAdd("en");
        var problem = await browser.SendAsync(api);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, problem.StatusCode);
        Assert.Equal("application/problem+json", problem.Content.Headers.ContentType?.MediaType);
        var json = await problem.Content.ReadAsStringAsync();
        Assert.Contains("\"status\":413", json, StringComparison.Ordinal);
        Assert.DoesNotContain("大きすぎます", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_import_over_its_own_limit_gets_a_localized_413()
    {
        var coordinator = await app.SignInAsync(Roles.Coordinator);
        // Within the platform's limit, over the import page's own (RequestSizeLimit on the page).
        var big = new byte[(4 * Tsunagari.Features.OpenData.ImportEvents.MaxBytes) + 1024];
        Encoding.UTF8.GetBytes("title,start\n").CopyTo(big, 0);
        Assert.True(big.Length < Tsunagari.Platform.PlatformSetup.MaxRequestBodyBytes);

        var page = await UploadAsync(coordinator, "/opendata/import", "DryRun", "Upload", big, "events.csv", "text/csv");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, page.StatusCode);
        Assert.Contains("送信されたデータが大きすぎます", await page.HtmlAsync(), StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> UploadAsync(
        HttpClient browser, string url, string handler, string field, byte[] bytes, string fileName, string contentType, bool chunked = false)
    {
        var html = await (await browser.GetAsync(new Uri(url, UriKind.Relative))).Content.ReadAsStringAsync();
        var token = WebUtility.HtmlDecode(Token().Match(html).Groups[1].Value);
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { file, field, fileName } };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"{url}?handler={handler}", UriKind.Relative));
        if (chunked)
        {
            var buffer = await form.ReadAsByteArrayAsync();
            request.Content = new StreamContent(new MemoryStream(buffer));
            request.Content.Headers.ContentType = form.Headers.ContentType;
            request.Headers.TransferEncodingChunked = true;
        }
        else
        {
            request.Content = form;
        }
        return await browser.SendAsync(request);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
