using System.Net;
using System.Text.RegularExpressions;

namespace Tsunagari.Tests;

public static partial class Forms
{
    /// <summary>Posts a form as a browser would: loads the page for its antiforgery token, then sends the fields.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient browser, string pageUrl, Dictionary<string, string> fields, string? handler = null)
    {
        ArgumentNullException.ThrowIfNull(browser);
        ArgumentNullException.ThrowIfNull(fields);
        var page = await browser.GetAsync(new Uri(pageUrl, UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"GET {pageUrl} gave {(int)page.StatusCode}");
        var token = AntiforgeryToken().Match(html);
        Assert.True(token.Success, $"No antiforgery token on {pageUrl}");
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        var target = handler is null ? pageUrl : $"{pageUrl}{(pageUrl.Contains('?', StringComparison.Ordinal) ? '&' : '?')}handler={handler}";
        return await browser.PostAsync(new Uri(target, UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    public static async Task<string> HtmlAsync(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
