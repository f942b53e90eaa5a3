using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Organizations;

namespace Tsunagari.Tests.Features.Organizations;

public sealed class ApiTests(TestApp app) : IClassFixture<TestApp>
{
    private static object Body(string name = "API の会", string? corporateNumber = null, string[]? municipalities = null, string kind = "npo") => new
    {
        name,
        kana = "えーぴーあいのかい",
        kind,
        legalForm = "unincorporated",
        corporateNumber = corporateNumber ?? OrganizationForms.ValidCorporateNumber,
        intermediateSupport = false,
        municipalities = municipalities ?? ["121002"],
        fields = new[] { 2 },
        mission = "つなぐ",
        description = "**太字**",
        founded = "2020-01-15",
        website = "https://api.example.jp/",
        waysToHelp = Array.Empty<int>(),
    };

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    [Fact]
    public async Task A_client_creates_reads_and_updates_an_organization()
    {
        var client = await app.SignInAsync(Roles.Resident);
        var created = await client.PostAsJsonAsync(new Uri("/api/v1/organizations", UriKind.Relative), Body());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var json = await JsonAsync(created);
        var id = json.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/organizations/{id}", created.Headers.Location!.OriginalString);

        var read = await app.CreateBrowser().GetAsync(new Uri($"/api/v1/organizations/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        json = await JsonAsync(read);
        Assert.Equal("API の会", json.GetProperty("name").GetString());
        Assert.Equal("npo", json.GetProperty("kind").GetString());
        Assert.Equal("unincorporated", json.GetProperty("legalForm").GetString());
        Assert.Equal(OrganizationForms.ValidCorporateNumber, json.GetProperty("corporateNumber").GetString());
        Assert.Equal("121002", json.GetProperty("municipalities")[0].GetString());
        Assert.Equal(2, json.GetProperty("fields")[0].GetInt32());
        Assert.Equal("**太字**", json.GetProperty("description").GetString());
        Assert.Equal("2020-01-15", json.GetProperty("founded").GetString());
        Assert.False(json.GetProperty("verified").GetBoolean());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("verifiedAt").ValueKind);
        Assert.EndsWith($"/organizations/{id}", json.GetProperty("url").GetString(), StringComparison.Ordinal);

        var updated = await client.PutAsJsonAsync(new Uri($"/api/v1/organizations/{id}", UriKind.Relative), Body("改名した会", kind: "Company"));
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal("company", (await JsonAsync(updated)).GetProperty("kind").GetString());
        Assert.Equal("改名した会", (await OrganizationForms.LoadAsync(app, id)).Name);
    }

    [Fact]
    public async Task Invalid_input_gets_the_same_localized_validation_as_the_page()
    {
        var client = await app.SignInAsync(Roles.Resident);
        var bad = "1" + OrganizationForms.ValidCorporateNumber[1..];
        if (bad == OrganizationForms.ValidCorporateNumber) bad = "2" + bad[1..];
        var response = await client.PostAsJsonAsync(new Uri("/api/v1/organizations", UriKind.Relative), Body("", bad, [], "alien"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var errors = (await JsonAsync(response)).GetProperty("errors");
        Assert.Equal("団体名を入力してください。", errors.GetProperty("name")[0].GetString());
        Assert.Contains("検査用数字", errors.GetProperty("corporateNumber")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("活動する市町村を1つ以上選んでください。", errors.GetProperty("municipalities")[0].GetString());
        Assert.Equal("団体の種類を選んでください。", errors.GetProperty("kind")[0].GetString());

        var english = await app.SignInAsync(Roles.Resident);
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var localized = await english.PostAsJsonAsync(new Uri("/api/v1/organizations", UriKind.Relative), Body(""));
        Assert.Equal("Enter the organization's name.", (await JsonAsync(localized)).GetProperty("errors").GetProperty("name")[0].GetString());
    }

    [Fact]
    public async Task Writing_needs_a_sign_in_and_updating_needs_the_organizations_admin()
    {
        var anonymous = await app.CreateBrowser().PostAsJsonAsync(new Uri("/api/v1/organizations", UriKind.Relative), Body());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        var owner = await app.SignInAsync(Roles.Resident);
        var id = (await JsonAsync(await owner.PostAsJsonAsync(new Uri("/api/v1/organizations", UriKind.Relative), Body("持ち主の会")))).GetProperty("id").GetGuid();
        var other = await app.SignInAsync(Roles.Resident);
        var forbidden = await other.PutAsJsonAsync(new Uri($"/api/v1/organizations/{id}", UriKind.Relative), Body("乗っ取り"));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("持ち主の会", (await OrganizationForms.LoadAsync(app, id)).Name);

        var missing = await owner.PutAsJsonAsync(new Uri($"/api/v1/organizations/{Guid.NewGuid()}", UriKind.Relative), Body());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var notFound = await app.CreateBrowser().GetAsync(new Uri($"/api/v1/organizations/{Guid.NewGuid()}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Equal("application/problem+json", notFound.Content.Headers.ContentType!.MediaType);
        Assert.Contains("団体は見つかりません", (await JsonAsync(notFound)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
