using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tsunagari.Data;

namespace Tsunagari.Tests.Features.ImpactEvaluation;

/// <summary>POST /api/v1/impact/sroi/calculate: the worked examples of <see cref="SroiCalculationTests"/> over HTTP, and every kind of bad body.</summary>
public sealed class SroiApiTests(TestApp app) : IClassFixture<TestApp>
{
    private const string Url = "/api/v1/impact/sroi/calculate";

    /// <summary>Example (b) of the calculation tests: 108,000, 54,000, 27,000 a year; PV 179,109.8569597789; ratio 3.5821971392.</summary>
    private const string ThreeYears = """
        { "discountRate": 0.035, "investment": 50000,
          "outcomes": [{ "name": "孤立の解消", "stakeholder": "参加者", "quantity": 20, "proxy": 10000, "durationYears": 3,
                         "deadweight": 0.25, "displacement": 0.1, "attribution": 0.2, "dropOff": 0.5 }] }
        """;

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string json) =>
        client.PostAsync(new Uri(Url, UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));

    private static decimal R(JsonElement e) => Math.Round(e.GetDecimal(), 10);

    [Fact]
    public async Task Anyone_gets_the_figures_unrounded_and_nothing_is_saved()
    {
        int maps;
        await using (var scope = app.Scope()) maps = await scope.ServiceProvider.GetRequiredService<AppDbContext>().ImpactMaps.CountAsync();
        var response = await PostAsync(app.CreateBrowser(), ThreeYears);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var outcome = body.GetProperty("outcomes")[0];
        Assert.Equal("孤立の解消", outcome.GetProperty("name").GetString());
        Assert.Equal("参加者", outcome.GetProperty("stakeholder").GetString());
        Assert.Equal([108_000m, 54_000m, 27_000m], outcome.GetProperty("yearlyImpacts").EnumerateArray().Select(x => x.GetDecimal()));
        Assert.Equal(179_109.8569597789m, R(outcome.GetProperty("presentValue")));
        Assert.Equal(108_000m, body.GetProperty("yearOneImpact").GetDecimal());
        Assert.Equal(179_109.8569597789m, R(body.GetProperty("presentValue")));
        Assert.Equal(129_109.8569597789m, R(body.GetProperty("netPresentValue")));
        Assert.Equal(3.5821971392m, R(body.GetProperty("ratio")));
        Assert.Equal(5.5555555556m, R(body.GetProperty("paybackMonths")));
        // Unrounded: the ratio comes with all of decimal's digits, not two.
        Assert.True(body.GetProperty("ratio").GetRawText().Length > 20, body.GetProperty("ratio").GetRawText());
        await using (var scope = app.Scope()) Assert.Equal(maps, await scope.ServiceProvider.GetRequiredService<AppDbContext>().ImpactMaps.CountAsync());
    }

    [Fact]
    public async Task The_discount_rate_and_the_percentages_default_and_a_zero_quantity_is_never_paid_back()
    {
        // Example (a): 10 × 50,000 = 500,000 ÷ 1.035 = 483,091.7874396135 at the default rate of 3.5 %.
        var response = await PostAsync(app.CreateBrowser(), """{ "investment": 100000, "outcomes": [{ "quantity": 10, "proxy": 50000, "durationYears": 1 }] }""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(483_091.7874396135m, R(body.GetProperty("presentValue")));
        Assert.Equal(2.4m, R(body.GetProperty("paybackMonths")));

        var none = await (await PostAsync(app.CreateBrowser(), """{ "investment": 100000, "outcomes": [{ "quantity": 0, "proxy": 50000, "durationYears": 2 }] }"""))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, none.GetProperty("paybackMonths").ValueKind);
        Assert.Equal(0m, none.GetProperty("ratio").GetDecimal());
        Assert.Equal(-100_000m, none.GetProperty("netPresentValue").GetDecimal());
    }

    [Theory]
    [InlineData("ja", "デッドウェイトは0から1までの割合で指定してください（20％は0.2）。", "代理指標が未設定です。")]
    [InlineData("en", "Give Deadweight as a fraction from 0 to 1 (20% is 0.2).", "The financial proxy is not set.")]
    public async Task Bad_values_are_named_by_their_json_path_in_the_person_s_language(string culture, string deadweight, string proxy)
    {
        var client = app.CreateBrowser();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(culture);
        var response = await PostAsync(client, """
            { "discountRate": -0.1, "investment": 0,
              "outcomes": [{ "quantity": 1, "proxy": 1, "durationYears": 1 },
                           { "quantity": -1, "durationYears": 51, "deadweight": 1.5, "displacement": -0.5, "attribution": 2, "dropOff": 1.01 }, null] }
            """);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(
            ["discountRate", "investment", "outcomes[1].attribution", "outcomes[1].deadweight", "outcomes[1].displacement", "outcomes[1].dropOff",
                "outcomes[1].durationYears", "outcomes[1].proxy", "outcomes[1].quantity", "outcomes[2]"],
            errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(deadweight, errors.GetProperty("outcomes[1].deadweight")[0].GetString());
        Assert.StartsWith(proxy, errors.GetProperty("outcomes[1].proxy")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_required_numbers_and_too_many_outcomes_are_named()
    {
        var missing = await PostAsync(app.CreateBrowser(), """{ "outcomes": [{ "proxy": 1 }] }""");
        var errors = (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["investment", "outcomes[0].durationYears", "outcomes[0].quantity"], errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));

        var many = string.Join(",", Enumerable.Repeat("""{ "quantity": 1, "proxy": 1, "durationYears": 1 }""", 51));
        var tooMany = await PostAsync(app.CreateBrowser(), $$"""{ "investment": 1000, "outcomes": [{{many}}] }""");
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Equal(["outcomes"], (await tooMany.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name));
        var none = await PostAsync(app.CreateBrowser(), """{ "investment": 1000, "outcomes": [] }""");
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
    }

    [Theory]
    [InlineData("", "body")]
    [InlineData("{", "body")]
    [InlineData("null", "body")]
    [InlineData("[1, 2]", "body")]
    [InlineData("\"text\"", "body")]
    [InlineData("""{ "investment": "1000" }""", "investment")]
    [InlineData("""{ "investment": 1e300 }""", "investment")]
    [InlineData("""{ "investment": 79228162514264337593543950336 }""", "investment")]
    [InlineData("""{ "investment": 1000, "outcomes": [{ "deadweight": "0.2" }] }""", "outcomes[0].deadweight")]
    [InlineData("""{ "investment": 1000, "outcomes": [{ "durationYears": 1.5 }] }""", "outcomes[0].durationYears")]
    [InlineData("""{ "investment": 1000, "outcomes": [{ "durationYears": 99999999999 }] }""", "outcomes[0].durationYears")]
    [InlineData("""{ "investment": 1000, "outcomes": [{ "name": 5 }] }""", "outcomes[0].name")]
    [InlineData("""{ "investment": 1000, "outcomes": "many" }""", "outcomes")]
    [InlineData("""{ "investment": 1000, "outcomes": [7] }""", "outcomes[0]")]
    [InlineData("""{ "investment": 1000, "outcomes": [{ "proxy": NaN }] }""", "outcomes[0].proxy")]
    public async Task Unreadable_bodies_are_400_with_a_message_never_500(string json, string key)
    {
        var response = await PostAsync(app.CreateBrowser(), json);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        var messages = errors.GetProperty(key).EnumerateArray().Select(m => m.GetString()).ToList();
        Assert.NotEmpty(messages);
        Assert.All(messages, m => Assert.Matches("[\u3040-\u30ff\u4e00-\u9fff]", m!));
    }

    [Fact]
    public async Task A_body_too_large_is_refused_before_it_is_read()
    {
        var response = await PostAsync(app.CreateBrowser(), "{\"outcomes\":[\"" + new string('x', 300 * 1024) + "\"]}");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_calculator()
    {
        var document = await app.CreateClient().GetFromJsonAsync<JsonElement>(new Uri("/openapi/v1.json", UriKind.Relative));
        var post = document.GetProperty("paths").GetProperty(Url).GetProperty("post");
        Assert.Equal("CalculateSroi", post.GetProperty("operationId").GetString());
        Assert.Contains("(1 − deadweight)", post.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Contains("no rounding is done until display", post.GetProperty("description").GetString(), StringComparison.Ordinal);
    }
}
