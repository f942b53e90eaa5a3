using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Organizations;

namespace Tsunagari.Tests.Features.Organizations;

public sealed partial class RegistrationTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task A_signed_in_person_registers_an_organization_and_becomes_its_admin()
    {
        var (founder, _) = await app.CreateAccountAsync($"founder-{Guid.NewGuid():N}@example.jp");
        var browser = await SignInAsAsync(founder.Email!);
        var form = await (await browser.GetAsync(new Uri("/organizations/new", UriKind.Relative))).HtmlAsync();
        Assert.Contains("地縁組織（自治会・町内会）", form, StringComparison.Ordinal);
        Assert.Contains("教育機関（学校・大学）", form, StringComparison.Ordinal);
        Assert.Contains("<legend>東葛飾</legend>", form, StringComparison.Ordinal);
        Assert.Contains("保健、医療又は福祉の増進を図る活動", form, StringComparison.Ordinal);

        var id = await OrganizationForms.RegisterAsync(browser);
        var organization = await OrganizationForms.LoadAsync(app, id);
        Assert.Equal("みどりの会", organization.Name);
        Assert.Equal((OrganizationKind.Npo, LegalForm.NpoCorporation), (organization.Kind, organization.LegalForm));
        Assert.Equal(OrganizationForms.ValidCorporateNumber, organization.CorporateNumber);
        Assert.True(organization.IsIntermediateSupport);
        Assert.Equal(["121002", "122033"], organization.MunicipalityCodes);
        Assert.Equal([7, 13], organization.Fields);
        Assert.Equal(new DateOnly(2010, 4, 1), organization.Founded);
        Assert.Equal(VerificationStatus.Pending, organization.Verification);
        Assert.True(organization.IsAdmin(founder.Id));

        var page = await browser.GetAsync(new Uri($"/organizations/{id}", UriKind.Relative));
        var html = await page.HtmlAsync();
        Assert.Contains("団体を登録しました。", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/organizations/{id}/edit\"", html, StringComparison.Ordinal);

        var mine = await (await browser.GetAsync(new Uri("/organizations/mine", UriKind.Relative))).HtmlAsync();
        Assert.Contains("みどりの会", mine, StringComparison.Ordinal);
        Assert.Contains("管理者", mine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_public_page_shows_the_profile_sanitized_with_json_ld_and_open_graph()
    {
        var id = await OrganizationForms.RegisterAsync(await app.SignInAsync(Roles.Resident), "海辺の会");
        var response = await app.CreateBrowser().GetAsync(new Uri($"/organizations/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var raw = await response.Content.ReadAsStringAsync();
        var html = WebUtility.HtmlDecode(raw);

        Assert.Contains("<h1>海辺の会</h1>", html, StringComparison.Ordinal);
        Assert.Contains("未確認", html, StringComparison.Ordinal);
        Assert.Contains("<strong>清掃</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<li>気軽に体験</li>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"badge\">中間支援組織</span>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.jp/\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", raw, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", raw, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<a href=\"/regions/121002\" lang=\"ja\">千葉市</a>", html, StringComparison.Ordinal);
        Assert.Contains("<meta property=\"og:title\" content=\"海辺の会\">", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"description\" content=\"川と森を次の世代へ\">", html, StringComparison.Ordinal);
        Assert.Contains("<title>海辺の会 |", html, StringComparison.Ordinal);

        var block = JsonLd().Match(raw);
        Assert.True(block.Success);
        using var json = JsonDocument.Parse(block.Groups[1].Value);
        Assert.Equal("https://schema.org", json.RootElement.GetProperty("@context").GetString());
        Assert.Equal("NGO", json.RootElement.GetProperty("@type").GetString());
        Assert.Equal("海辺の会", json.RootElement.GetProperty("name").GetString());
        Assert.Equal(OrganizationForms.ValidCorporateNumber, json.RootElement.GetProperty("taxID").GetString());
        Assert.Equal("千葉市", json.RootElement.GetProperty("areaServed")[0].GetProperty("name").GetString());
        Assert.EndsWith($"/organizations/{id}", json.RootElement.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Contains("<script type=\"application/ld+json\">", raw, StringComparison.Ordinal);

        // A name that tries to close the data block stays inside the JSON.
        var tricky = await OrganizationForms.RegisterAsync(await app.SignInAsync(Roles.Resident), "</script><script>alert(1)</script>");
        var trickyRaw = await (await app.CreateBrowser().GetAsync(new Uri($"/organizations/{tricky}", UriKind.Relative))).Content.ReadAsStringAsync();
        using var trickyJson = JsonDocument.Parse(JsonLd().Match(trickyRaw).Groups[1].Value);
        Assert.Equal("</script><script>alert(1)</script>", trickyJson.RootElement.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Invalid_input_is_refused_with_localized_messages_and_the_input_kept()
    {
        var browser = await app.SignInAsync(Roles.Resident);
        var wrongCheckDigit = (OrganizationForms.ValidCorporateNumber[0] == '9' ? '1' : (char)(OrganizationForms.ValidCorporateNumber[0] + 1)) + OrganizationForms.ValidCorporateNumber[1..];
        var response = await browser.PostFormAsync("/organizations/new", OrganizationForms.Fields("", f =>
        {
            f["Input.Kana"] = "";
            f["Input.Kind"] = "Alien";
            f["Input.CorporateNumber"] = wrongCheckDigit;
            f.Remove("Input.Municipalities[0]");
            f.Remove("Input.Municipalities[1]");
            f["Input.Fields[0]"] = "21";
            f["Input.Website"] = "javascript:alert(1)";
            f["Input.ContactEmail"] = "not-an-address";
            f["Input.Description"] = "残してほしい紹介文";
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains("団体名を入力してください。", html, StringComparison.Ordinal);
        Assert.Contains("団体名のふりがなを入力してください。", html, StringComparison.Ordinal);
        Assert.Contains("団体の種類を選んでください。", html, StringComparison.Ordinal);
        Assert.Contains("法人番号の検査用数字（先頭の1桁）が合いません。", html, StringComparison.Ordinal);
        Assert.Contains("活動する市町村を1つ以上選んでください。", html, StringComparison.Ordinal);
        Assert.Contains("活動分野の選択が正しくありません。", html, StringComparison.Ordinal);
        Assert.Contains("ウェブサイトには http:// か https:// で始まるアドレス", html, StringComparison.Ordinal);
        Assert.Contains("連絡先のメールアドレスの形式が正しくありません。", html, StringComparison.Ordinal);
        Assert.Contains("残してほしい紹介文", html, StringComparison.Ordinal);

        var shortNumber = await browser.PostFormAsync("/organizations/new", OrganizationForms.Fields(change: f => f["Input.CorporateNumber"] = "12345"));
        Assert.Contains("法人番号は13桁の数字で入力してください。", await shortNumber.HtmlAsync(), StringComparison.Ordinal);
        var foreign = await browser.PostFormAsync("/organizations/new", OrganizationForms.Fields(change: f => f["Input.Municipalities[0]"] = "131016"));
        Assert.Contains("この都道府県の市町村ではないもの", await foreign.HtmlAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_full_width_corporate_number_is_accepted_and_stored_as_digits()
    {
        var number = OrganizationForms.ValidCorporateNumber;
        var fullWidth = new string(number.Select(c => (char)(c - '0' + '０')).ToArray());
        var id = await OrganizationForms.RegisterAsync(await app.SignInAsync(Roles.Resident), "全角の会", f => f["Input.CorporateNumber"] = fullWidth);
        Assert.Equal(number, (await OrganizationForms.LoadAsync(app, id)).CorporateNumber);
    }

    [Fact]
    public async Task Registering_needs_a_sign_in_and_an_unknown_organization_is_not_found()
    {
        var anonymous = app.CreateBrowser();
        var form = await anonymous.GetAsync(new Uri("/organizations/new", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, form.StatusCode);
        Assert.Equal("/account/login", form.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync(new Uri("/organizations/mine", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri($"/organizations/{Guid.NewGuid()}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Pages_are_in_English_with_place_names_in_Japanese()
    {
        var id = await OrganizationForms.RegisterAsync(await app.SignInAsync(Roles.Resident), "英語の会");
        var english = app.CreateBrowser("en");
        var html = await (await english.GetAsync(new Uri($"/organizations/{id}", UriKind.Relative))).HtmlAsync();
        Assert.Contains("Not confirmed", html, StringComparison.Ordinal);
        Assert.Contains("NPO and similar", html, StringComparison.Ordinal);
        Assert.Contains("Specified nonprofit corporation (NPO corporation)", html, StringComparison.Ordinal);
        Assert.Contains("lang=\"ja\">千葉市</a>", html, StringComparison.Ordinal);
        Assert.Contains("Intermediate support organization", html, StringComparison.Ordinal);
    }

    private async Task<HttpClient> SignInAsAsync(string email)
    {
        var browser = app.CreateBrowser();
        var login = await browser.PostFormAsync("/account/login", new() { ["Input.Email"] = email, ["Input.Password"] = TestApp.Password });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return browser;
    }

    [GeneratedRegex("<script type=\"application/ld\\+json\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex JsonLd();
}
