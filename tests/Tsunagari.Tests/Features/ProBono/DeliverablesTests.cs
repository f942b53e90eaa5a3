using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.ProBono;
using Tsunagari.Tests.Features.Opportunities;

namespace Tsunagari.Tests.Features.ProBono;

/// <summary>A project's deliverables: files judged by their bytes and size, https links, downloads as attachments, and who may do what.</summary>
public sealed partial class DeliverablesTests(TestApp app) : IClassFixture<TestApp>
{
    private const string Refused = "受け付けられるのは、PDF、PNG、JPEG、Word・Excel・PowerPoint（docx、xlsx、pptx）、UTF-8のテキスト・CSV（txt、csv）のファイルです。";

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private static string Url(ProBonoData.Staffed s) => $"{s.Url}/deliverables";

    [Fact]
    public async Task A_file_is_kept_by_its_bytes_and_comes_back_identical_as_an_attachment()
    {
        var s = await ProBonoData.StaffedAsync(app, "納品の会");
        var pro = s.Pros["design"].Browser;
        var upload = await UploadAsync(pro, Url(s), Pdf, "../../報告書<最終>.pdf", "application/octet-stream", "最終報告書");
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var stored = await ProBonoData.QueryAsync(app, db => db.ProjectDeliverables.AsNoTracking().SingleAsync(d => d.ProjectId == s.ProjectId));
        Assert.Equal(("application/pdf", "報告書_最終.pdf", (long)Pdf.Length, DeliverableKind.Pamphlet, s.Pros["design"].Id),
            (stored.ContentType, stored.FileName, stored.Size, stored.Kind, stored.AddedBy!.Value));

        // Everyone on the project lists and downloads it: the organization's admin, another member, a coordinator.
        Assert.Contains("最終報告書", await PageAsync(s.Admin, Url(s)), StringComparison.Ordinal);
        foreach (var browser in new[] { s.Admin, s.Pros["marketing"].Browser, await app.SignInAsync(Roles.Coordinator) })
        {
            var download = await browser.GetAsync(new Uri($"{Url(s)}?handler=Download&deliverableId={stored.Id}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
            Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
            Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Equal("報告書_最終.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);
            Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        }

        // Word, Excel and PowerPoint are zips with their own parts; UTF-8 CSV is text.
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(pro, Url(s), Office("word/document.xml"), "提案書.docx", "application/octet-stream", "提案書")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(pro, Url(s), Encoding.UTF8.GetBytes("名前,人数\n子ども食堂,30\n"), "名簿.csv", "text/csv", "名簿")).StatusCode);
        var types = await ProBonoData.QueryAsync(app, db => db.ProjectDeliverables.AsNoTracking().Where(d => d.ProjectId == s.ProjectId).Select(d => d.ContentType).ToListAsync());
        Assert.Contains("application/vnd.openxmlformats-officedocument.wordprocessingml.document", types);
        Assert.Contains("text/csv; charset=utf-8", types);
    }

    [Fact]
    public async Task Files_that_are_not_what_their_name_says_or_too_large_are_refused_with_a_message()
    {
        var s = await ProBonoData.StaffedAsync(app, "検査の会");
        var pro = s.Pros["marketing"].Browser;
        var executable = new byte[512];
        "MZ"u8.CopyTo(executable);
        foreach (var (bytes, name) in new[]
        {
            (Encoding.UTF8.GetBytes("<!DOCTYPE html><html><script>alert(1)</script></html>"), "report.pdf"),
            (executable, "report.pdf"),
            (Office("word/document.xml"), "report.pdf"),
            (Office("other/readme.xml"), "report.docx"),
            (Office("word/document.xml"), "report.xlsx"),
            (Encoding.GetEncoding("utf-16").GetBytes("名前,人数"), "list.csv"),
            (Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"), "logo.svg"),
            (Encoding.UTF8.GetBytes("ただのテキスト"), "notes.html"),
        })
        {
            var refused = await UploadAsync(pro, Url(s), bytes, name, "application/pdf", "偽の報告書");
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains(Refused, await refused.HtmlAsync(), StringComparison.Ordinal);
        }

        var large = new byte[ProjectDeliverable.MaxFileBytes + 1];
        Pdf.CopyTo(large, 0);
        var tooLarge = await UploadAsync(pro, Url(s), large, "big.pdf", "application/pdf", "大きすぎる報告書");
        Assert.Equal(HttpStatusCode.OK, tooLarge.StatusCode);
        Assert.Contains("ファイルは8MB以内にしてください。", await tooLarge.HtmlAsync(), StringComparison.Ordinal);

        var noTitle = await UploadAsync(pro, Url(s), Pdf, "a.pdf", "application/pdf", " ");
        Assert.Contains("成果物の名前を入力してください。", await noTitle.HtmlAsync(), StringComparison.Ordinal);

        // In English, the same refusal in English.
        pro.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var english = await (await UploadAsync(pro, Url(s), executable, "report.pdf", "application/pdf", "x")).HtmlAsync();
        Assert.DoesNotContain(Refused, english, StringComparison.Ordinal);
        Assert.Contains("Only PDF, PNG, JPEG", english, StringComparison.Ordinal);
        Assert.Equal(0, await ProBonoData.QueryAsync(app, db => db.ProjectDeliverables.CountAsync(d => d.ProjectId == s.ProjectId)));
    }

    [Fact]
    public async Task Links_are_https_only_and_each_person_takes_back_only_their_own()
    {
        var s = await ProBonoData.StaffedAsync(app, "リンクの会");
        var pro = s.Pros["project-management"].Browser;
        foreach (var url in new[] { "http://example.jp/site", "javascript:alert(1)", "ftp://example.jp/a", "https://", "/relative", "https://user:pw@example.jp/" })
        {
            var refused = await pro.PostFormAsync(Url(s), new() { ["Input.Title"] = "サイト", ["Input.Kind"] = "Website", ["Input.Url"] = url }, "Link");
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("リンクは https:// で始まるURLにしてください。", await refused.HtmlAsync(), StringComparison.Ordinal);
        }
        var badKind = await pro.PostFormAsync(Url(s), new() { ["Input.Title"] = "サイト", ["Input.Kind"] = "42", ["Input.Url"] = "https://example.jp/" }, "Link");
        Assert.Contains("成果物の種類を選んでください。", await badKind.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await pro.PostFormAsync(Url(s), new() { ["Input.Title"] = "新しいサイト", ["Input.Kind"] = "Website", ["Input.Url"] = "https://example.jp/kodomo" }, "Link")).StatusCode);
        var page = await PageAsync(s.Admin, Url(s));
        Assert.Contains("https://example.jp/kodomo", page, StringComparison.Ordinal);
        Assert.Contains("ウェブサイト", page, StringComparison.Ordinal);

        var link = await ProBonoData.QueryAsync(app, db => db.ProjectDeliverables.AsNoTracking().SingleAsync(d => d.ProjectId == s.ProjectId));
        Assert.Null(link.FileName);
        // Not a file: nothing to download.
        Assert.Equal(HttpStatusCode.NotFound, (await pro.GetAsync(new Uri($"{Url(s)}?handler=Download&deliverableId={link.Id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await s.Admin.PostFormAsync($"{Url(s)}?deliverableId={link.Id}", [], "Remove")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await s.Pros["design"].Browser.PostFormAsync($"{Url(s)}?deliverableId={link.Id}", [], "Remove")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await pro.PostFormAsync($"{Url(s)}?deliverableId={link.Id}", [], "Remove")).StatusCode);
        Assert.Equal(0, await ProBonoData.QueryAsync(app, db => db.ProjectDeliverables.CountAsync(d => d.ProjectId == s.ProjectId)));
    }

    [Fact]
    public async Task Outsiders_get_404_and_coordinators_read_but_add_nothing()
    {
        var s = await ProBonoData.StaffedAsync(app, "外の会");
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(s.Admin, Url(s), Pdf, "a.pdf", "application/pdf", "団体の資料")).StatusCode);
        var id = await ProBonoData.QueryAsync(app, db => db.ProjectDeliverables.Where(d => d.ProjectId == s.ProjectId).Select(d => d.Id).SingleAsync());
        var outsider = await app.SignInAsync(Roles.Resident);
        var (otherAdmin, _) = await OpportunityData.OrgAdminAsync(app, "よその会");
        foreach (var browser in new[] { outsider, otherAdmin })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(new Uri(Url(s), UriKind.Relative))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(new Uri($"{Url(s)}?handler=Download&deliverableId={id}", UriKind.Relative))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(browser, $"{Url(s)}?handler=Link", new() { ["Input.Title"] = "x", ["Input.Kind"] = "Website", ["Input.Url"] = "https://example.jp/" })).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(browser, $"{Url(s)}?handler=Remove&deliverableId={id}", [])).StatusCode);
        }
        var anonymous = app.CreateBrowser();
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri($"{Url(s)}?handler=Download&deliverableId={id}", UriKind.Relative))).StatusCode);

        var coordinator = await app.SignInAsync(Roles.Coordinator);
        var page = await PageAsync(coordinator, Url(s));
        Assert.Contains("団体の資料", page, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Upload", page, StringComparison.Ordinal);
        ProBonoData.AssertRefused(await coordinator.PostFormAsync(Url(s), new() { ["Input.Title"] = "x", ["Input.Kind"] = "Website", ["Input.Url"] = "https://example.jp/" }, "Link"));
        Assert.Equal(1, await ProBonoData.QueryAsync(app, db => db.ProjectDeliverables.CountAsync(d => d.ProjectId == s.ProjectId)));
        // The project page leads to the deliverables.
        Assert.Contains($"{s.Url}/deliverables", await PageAsync(s.Pros["design"].Browser, s.Url), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_uploader_is_in_their_export_and_erasure_keeps_the_deliverable_unsigned()
    {
        var s = await ProBonoData.StaffedAsync(app, "消去の成果物の会");
        var (pro, proId) = s.Pros["design"];
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(pro, Url(s), Pdf, "チラシ.pdf", "application/pdf", "チラシの原稿")).StatusCode);
        var download = await pro.PostFormAsync("/account/personal-data", [], handler: "Download");
        using (var json = System.Text.Json.JsonDocument.Parse(await download.Content.ReadAsStringAsync()))
            Assert.Equal("チラシの原稿", json.RootElement.GetProperty("probono").GetProperty("deliverables")[0].GetProperty("title").GetString());
        var deleted = await pro.PostFormAsync("/account/personal-data", new() { ["Input.Password"] = TestApp.Password }, handler: "Delete");
        Assert.Equal("/account/deleted", deleted.Headers.Location!.OriginalString);
        var kept = await ProBonoData.QueryAsync(app, db => db.ProjectDeliverables.AsNoTracking().SingleAsync(d => d.ProjectId == s.ProjectId));
        Assert.Null(kept.AddedBy);
        Assert.True(await ProBonoData.QueryAsync(app, db => db.DeliverableFiles.AnyAsync(f => f.DeliverableId == kept.Id)));
        Assert.Contains("チラシの原稿", await PageAsync(s.Admin, Url(s)), StringComparison.Ordinal);
        Assert.False(await ProBonoData.QueryAsync(app, db => db.Users.AnyAsync(u => u.Id == proId)));
    }

    /// <summary>A minimal Office Open XML package: the content types and one part.</summary>
    internal static byte[] Office(string part)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in new[] { "[Content_Types].xml", part })
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><x/>");
            }
        }
        return buffer.ToArray();
    }

    internal static async Task<HttpResponseMessage> UploadAsync(HttpClient browser, string url, byte[] bytes, string fileName, string contentType, string title, string kind = "Pamphlet")
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(await TokenAsync(browser, url)), "__RequestVerificationToken" },
            { new StringContent(title), "Input.Title" },
            { new StringContent(kind), "Input.Kind" },
            { file, "file", fileName },
        };
        return await browser.PostAsync(new Uri($"{url}?handler=Upload", UriKind.Relative), form);
    }

    /// <summary>A form post with a token from a page the browser can open, for requests to pages it cannot.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string url, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await TokenAsync(browser, "/me/probono");
        return await browser.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    private static async Task<string> TokenAsync(HttpClient browser, string url)
    {
        var html = await (await browser.GetAsync(new Uri(url, UriKind.Relative))).Content.ReadAsStringAsync();
        return WebUtility.HtmlDecode(Token().Match(html).Groups[1].Value);
    }

    private static async Task<string> PageAsync(HttpClient browser, string url) => await (await browser.GetAsync(new Uri(url, UriKind.Relative))).HtmlAsync();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
