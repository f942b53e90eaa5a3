using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
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

    /// <summary>
    /// Property, as BadInputTests for the other fields: whatever file is sent to a file field (random bytes, hostile
    /// text, a CSV with formulas, markup or broken UTF-8, an image's magic bytes in front of anything, an empty file)
    /// and whatever it is called, the answer is a page with a message or a redirect, never a 5xx, and nothing sent
    /// comes back as live markup.
    /// </summary>
    [Fact]
    public async Task Any_file_in_a_file_field_gets_a_page_never_a_server_error()
    {
        var (admin, orgId) = await OpportunityData.OrgAdminAsync(app);
        var coordinator = await app.SignInAsync(Roles.Coordinator);
        var projectId = await Tsunagari.Tests.Features.ProBono.ProBonoData.ProjectAsync(app, orgId);
        (HttpClient Browser, string Url, string Handler, string Field)[] fields =
        [
            (admin, $"/organizations/{orgId}/edit", "Logo", "logo"),
            (admin, $"/probono/projects/{projectId}/deliverables", "Upload", "file"),
            (coordinator, "/opendata/import", "DryRun", "Upload"),
        ];
        var files = Gen.Frequency(
            (3, Gen.Choose(0, 255).Select(b => (byte)b).ArrayOf()),
            (3, HostileInput.Text.Select(t => Encoding.UTF8.GetBytes(t))),
            (3, HostileInput.Text.ArrayOf().Select(cells => Encoding.UTF8.GetBytes("title,start,end,municipality\n" + string.Join(',', cells.Select(c => $"\"{c.Replace("\"", "\"\"", StringComparison.Ordinal)}\""))))),
            (1, Gen.Constant(new byte[] { 0xEF, 0xBB, 0xBF, 0xFF, 0xFE, 0xC0, 0x80, (byte)'=', (byte)'1', (byte)'+', (byte)'1' })),
            (1, HostileInput.Text.Select(t => Png.Concat(Encoding.UTF8.GetBytes(t)).ToArray())),
            (1, Gen.Constant(Array.Empty<byte>())));
        var names = Gen.Elements("logo.png", "events.csv", "../../etc/passwd", "<script>.csv", "名前.jpg", "a.exe", "no-extension");
        var types = Gen.Elements("image/png", "text/csv", "application/octet-stream", "text/html", "");
        var cases = from bytes in files from name in names from type in types select (Bytes: bytes, Name: name, Type: type);
        var failures = new List<string>();
        foreach (var (browser, url, handler, field) in fields)
        {
            var sample = HostileInput.Sample(cases, HostileInput.Seed, url + handler, 24);
            for (var i = 0; i < sample.Count; i++)
            {
                var (bytes, name, type) = sample[i];
                var response = await UploadAsync(browser, url, handler, field, bytes, name, type.Length == 0 ? "application/octet-stream" : type);
                var html = await response.Content.ReadAsStringAsync();
                if ((int)response.StatusCode >= 500 || !(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect))
                    failures.Add($"{url} {handler} case {i} (seed {HostileInput.Seed}): {(int)response.StatusCode}");
                else if (html.Contains("<script>alert", StringComparison.OrdinalIgnoreCase) || html.Contains("<script>.csv", StringComparison.Ordinal))
                    failures.Add($"{url} {handler} case {i} (seed {HostileInput.Seed}): markup from the file came back live");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
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
