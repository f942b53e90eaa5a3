using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tsunagari.Data;
using Tsunagari.Features.Organizations;

namespace Tsunagari.Tests.Features.Organizations;

/// <summary>The organization form's fields as a browser sends them, and helpers shared by the organization tests.</summary>
public static partial class OrganizationForms
{
    /// <summary>A valid 法人番号 (check digit computed from twelve digits).</summary>
    public static string ValidCorporateNumber { get; } = CorporateNumber.CheckDigit("234567890123").ToString(CultureInfo.InvariantCulture) + "234567890123";

    public static Dictionary<string, string> Fields(string name = "みどりの会", Action<Dictionary<string, string>>? change = null)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Input.Name"] = name,
            ["Input.Kana"] = "みどりのかい",
            ["Input.Kind"] = "Npo",
            ["Input.LegalForm"] = "NpoCorporation",
            ["Input.CorporateNumber"] = ValidCorporateNumber,
            ["Input.IntermediateSupport"] = "true",
            ["Input.Municipalities[0]"] = "121002",
            ["Input.Municipalities[1]"] = "122033",
            ["Input.Fields[0]"] = "7",
            ["Input.Fields[1]"] = "13",
            ["Input.Mission"] = "川と森を次の世代へ",
            ["Input.Description"] = "## 活動\n\n毎月**清掃**をしています。\n\n<script>alert(1)</script>\n\n[危険](javascript:alert(1)) [公式](https://example.jp/)",
            ["Input.Founded"] = "2010-04-01",
            ["Input.ContactEmail"] = "info@midori.example.jp",
            ["Input.ContactPhone"] = "043-123-4567",
            ["Input.Website"] = "https://midori.example.jp/",
            ["Input.WaysToHelp[0]"] = "1",
        };
        change?.Invoke(fields);
        return fields;
    }

    /// <summary>Registers an organization through the page and returns its id.</summary>
    public static async Task<Guid> RegisterAsync(HttpClient browser, string name = "みどりの会", Action<Dictionary<string, string>>? change = null)
    {
        var response = await browser.PostFormAsync("/organizations/new", Fields(name, change));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.HtmlAsync());
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/organizations/", location, StringComparison.Ordinal);
        return Guid.Parse(location["/organizations/".Length..]);
    }

    public static async Task<Organization> LoadAsync(TestApp app, Guid id)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Organizations.AsNoTracking().Include(o => o.Memberships).SingleAsync(o => o.Id == id);
    }

    /// <summary>Posts a multipart form (a file upload) with the antiforgery token of the page it is on.</summary>
    public static async Task<HttpResponseMessage> PostFileAsync(this HttpClient browser, string pageUrl, string handler, string field, byte[] content, string fileName, string contentType)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var html = await (await browser.GetAsync(new Uri(pageUrl, UriKind.Relative))).Content.ReadAsStringAsync();
        var token = WebUtility.HtmlDecode(Token().Match(html).Groups[1].Value);
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        form.Add(file, field, fileName);
        return await browser.PostAsync(new Uri($"{pageUrl}?handler={handler}", UriKind.Relative), form);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
