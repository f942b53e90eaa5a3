using System.Net;
using System.Text.Json;

namespace Tsunagari.Tests.Features.Regions;

public sealed class MunicipalitiesApiTests(TestApp app) : IClassFixture<TestApp>
{
    private async Task<(HttpResponseMessage Response, JsonElement Json)> GetAsync(string url)
    {
        var response = await app.CreateBrowser().GetAsync(new Uri(url, UriKind.Relative));
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response, document.RootElement.Clone());
    }

    [Fact]
    public async Task The_configured_prefecture_lists_its_municipalities_with_kinds_wards_and_groupings()
    {
        var (response, json) = await GetAsync("/api/v1/municipalities");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("120006", json.GetProperty("prefecture").GetProperty("code").GetString());
        Assert.Equal("千葉県", json.GetProperty("prefecture").GetProperty("name").GetString());
        Assert.Equal("ちばけん", json.GetProperty("prefecture").GetProperty("kana").GetString());

        var items = json.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(54, items.Count);
        var kinds = items.GroupBy(i => i.GetProperty("kind").GetString()!).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        Assert.Equal(37, kinds["city"]);
        Assert.Equal(16, kinds["town"]);
        Assert.Equal(1, kinds["village"]);

        var chibaCity = items.Single(i => i.GetProperty("code").GetString() == "121002");
        Assert.Equal("千葉市", chibaCity.GetProperty("name").GetString());
        Assert.Equal("ちばし", chibaCity.GetProperty("kana").GetString());
        Assert.Equal("千葉", chibaCity.GetProperty("grouping").GetString());
        var wards = chibaCity.GetProperty("wards").EnumerateArray().ToList();
        Assert.Equal(6, wards.Count);
        Assert.All(wards, w => Assert.Equal("ward", w.GetProperty("kind").GetString()));
        Assert.Equal("中央区", wards[0].GetProperty("name").GetString());

        var ichikawa = items.Single(i => i.GetProperty("code").GetString() == "122033");
        Assert.False(ichikawa.TryGetProperty("wards", out _));
        Assert.Equal("葛南", ichikawa.GetProperty("grouping").GetString());
        Assert.All(items, i => Assert.NotEqual(JsonValueKind.Null, i.GetProperty("grouping").ValueKind));
    }

    [Fact]
    public async Task Another_prefecture_is_listed_by_its_code()
    {
        var (response, json) = await GetAsync("/api/v1/municipalities?prefecture=130001");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("東京都", json.GetProperty("prefecture").GetProperty("name").GetString());
        var items = json.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(62, items.Count);
        var chiyoda = items.Single(i => i.GetProperty("code").GetString() == "131016");
        Assert.Equal("ward", chiyoda.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, chiyoda.GetProperty("grouping").ValueKind);
    }

    [Theory]
    [InlineData("/api/v1/municipalities?prefecture=130002")]
    [InlineData("/api/v1/municipalities?prefecture=tokyo")]
    [InlineData("/api/v1/municipalities?prefecture=1300010")]
    [InlineData("/api/v1/municipalities/121003")]
    public async Task A_malformed_code_is_a_bad_request_with_problem_details(string url)
    {
        var (response, json) = await GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(400, json.GetProperty("status").GetInt32());
        Assert.Contains("検査数字", json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/municipalities?prefecture=480002")]
    [InlineData("/api/v1/municipalities?prefecture=121002")]
    [InlineData("/api/v1/municipalities/480002")]
    [InlineData("/api/v1/municipalities/120006")]
    public async Task A_well_formed_unknown_code_is_not_found_with_problem_details(string url)
    {
        var (response, json) = await GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(404, json.GetProperty("status").GetInt32());
        Assert.Contains("見つかりません", json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Problem_details_speak_English_when_asked()
    {
        var (response, json) = await GetAsync("/api/v1/municipalities?prefecture=130002&culture=en");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("check digit", json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_ward_is_found_by_its_code_with_its_city_and_grouping()
    {
        var (response, json) = await GetAsync("/api/v1/municipalities/121011");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("中央区", json.GetProperty("name").GetString());
        Assert.Equal("ward", json.GetProperty("kind").GetString());
        Assert.Equal("121002", json.GetProperty("parentCode").GetString());
        Assert.Equal("120006", json.GetProperty("prefectureCode").GetString());
        Assert.Equal("千葉", json.GetProperty("grouping").GetString());
    }

    [Fact]
    public async Task The_OpenAPI_document_names_both_operations()
    {
        var document = await app.CreateBrowser().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        Assert.Contains("\"ListMunicipalities\"", document, StringComparison.Ordinal);
        Assert.Contains("\"GetMunicipality\"", document, StringComparison.Ordinal);
    }
}
