using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;

namespace Tsunagari.Tests.Features.ProBono;

public sealed class TeamFormationApiTests(TestApp app) : IClassFixture<TestApp>
{
    private const string Url = "/api/v1/probono/team-formation/solve";

    /// <summary>The hand-checked round of <see cref="TeamFormationTests.Small"/>, as JSON.</summary>
    private const string Round = """
        {
          "challenges": [
            { "id": "A", "field": 1, "municipalityCode": "121011", "online": false, "hoursPerWeek": 4,
              "roles": [{ "skill": "design", "count": 1 }, { "skill": "web", "count": 1 }, { "skill": "marketing", "count": 1 }], "minSize": 3, "maxSize": 4 },
            { "id": "B", "field": 2, "online": true, "hoursPerWeek": 2, "organizationId": "orgB",
              "roles": [{ "skill": "accounting", "count": 1 }, { "skill": "law", "count": 1 }, { "skill": "marketing", "count": 1 }], "minSize": 3, "maxSize": 3 },
            { "id": "C", "online": true, "hoursPerWeek": 1, "roles": [{ "skill": "it", "count": 1 }, { "skill": "design", "count": 1 }] },
            { "id": "D", "online": false, "hoursPerWeek": 1, "roles": [{ "skill": "design", "count": 1 }, { "skill": "marketing", "count": 1 }] }
          ],
          "professionals": [
            { "id": "p1", "skills": [{ "skill": "design", "level": 3 }, { "skill": "marketing", "level": 1 }], "hoursPerWeek": 5, "preferredFields": [1], "preferredMunicipalities": ["121011"], "acceptsOnline": false, "conflicts": [] },
            { "id": "p2", "skills": [{ "skill": "web", "level": 2 }], "hoursPerWeek": 4 },
            { "id": "p3", "skills": [{ "skill": "marketing", "level": 2 }], "hoursPerWeek": 4, "preferredFields": [2], "acceptsOnline": true },
            { "id": "p4", "skills": [{ "skill": "marketing", "level": 3 }], "hoursPerWeek": 10, "preferredFields": [1], "preferredMunicipalities": ["121011"] },
            { "id": "p5", "skills": [{ "skill": "accounting", "level": 1 }], "hoursPerWeek": 2, "acceptsOnline": true },
            { "id": "p6", "skills": [{ "skill": "law", "level": 2 }], "hoursPerWeek": 3, "acceptsOnline": true, "conflicts": ["orgB"] },
            { "id": "p7", "skills": [{ "skill": "law", "level": 1 }], "hoursPerWeek": 2, "preferredFields": [2], "acceptsOnline": true },
            { "id": "p8", "skills": [{ "skill": "design", "level": 1 }], "hoursPerWeek": 1 }
          ]
        }
        """;

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string json) =>
        client.PostAsync(new Uri(Url, UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));

    private async Task<int[]> RowCountsAsync()
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return [await db.Organizations.CountAsync(), await db.Opportunities.CountAsync(), await db.SearchChanges.CountAsync(), await db.Users.CountAsync()];
    }

    [Fact]
    public async Task Only_coordinators_and_prefecture_admins_may_run_it()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(app.CreateBrowser(), Round)).StatusCode);
        var resident = await app.SignInAsync(Roles.Resident);
        var refused = await PostAsync(resident, Round);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(await app.SignInAsync(Roles.PrefectureAdmin), Round)).StatusCode);
    }

    [Fact]
    public async Task A_coordinator_gets_the_optimal_teams_and_the_reasons_and_nothing_is_saved()
    {
        var coordinator = await app.SignInAsync(Roles.Coordinator);
        coordinator.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var before = await RowCountsAsync();
        var response = await PostAsync(coordinator, Round);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(2, body.GetProperty("staffedCount").GetInt32());
        Assert.Equal(21, body.GetProperty("totalFit").GetInt32());
        Assert.True(body.GetProperty("optimal").GetBoolean());
        var teams = body.GetProperty("teams").EnumerateArray().ToList();
        Assert.Equal(["A", "B"], teams.Select(t => t.GetProperty("challengeId").GetString()));
        Assert.Equal(
            ["p1/design", "p2/web", "p4/marketing"],
            teams[0].GetProperty("members").EnumerateArray().Select(m => m.GetProperty("professionalId").GetString() + "/" + m.GetProperty("role").GetString()).Order(StringComparer.Ordinal));
        var unstaffed = body.GetProperty("unstaffed").EnumerateArray().ToList();
        Assert.Equal(["C", "D"], unstaffed.Select(u => u.GetProperty("challengeId").GetString()));
        Assert.Equal(["NobodyForRole", "TakenByOtherTeams"], unstaffed.Select(u => u.GetProperty("reasonCode").GetString()));
        Assert.Equal("it", unstaffed[0].GetProperty("skill").GetString());
        Assert.Contains("IT and systems", unstaffed[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.DoesNotMatch("[\u3040-\u30ff\u4e00-\u9fff]", unstaffed[1].GetProperty("reason").GetString()!);
        Assert.Equal(before, await RowCountsAsync());

        var japanese = await app.SignInAsync(Roles.Coordinator);
        japanese.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ja");
        var ja = JsonDocument.Parse(await (await PostAsync(japanese, Round)).Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("マーケティング", ja.GetProperty("unstaffed")[1].GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public async Task Bad_rounds_get_localized_messages_naming_the_item(string culture)
    {
        var coordinator = await app.SignInAsync(Roles.Coordinator);
        coordinator.DefaultRequestHeaders.AcceptLanguage.ParseAdd(culture);
        var before = await RowCountsAsync();
        var bad = """
            {
              "challenges": [
                { "id": "A", "hoursPerWeek": -1, "roles": [{ "skill": "juggling", "count": 1 }, { "skill": "web", "count": 0 }] },
                { "id": "A", "hoursPerWeek": 2, "roles": [{ "skill": "web", "count": 1 }] },
                { "id": "B", "hoursPerWeek": 2, "minSize": 4, "maxSize": 3, "roles": [{ "skill": "web", "count": 1 }] },
                { "id": "C", "hoursPerWeek": 2, "maxSize": 3, "roles": [{ "skill": "web", "count": 2 }, { "skill": "law", "count": 2 }] },
                { "hoursPerWeek": 2, "roles": [{ "skill": "web", "count": 1 }] }
              ],
              "professionals": [
                { "id": "p1", "skills": [], "hoursPerWeek": 5 },
                { "id": "p1", "skills": [{ "skill": "web", "level": 1 }], "hoursPerWeek": 5 },
                { "id": "p2", "skills": [{ "skill": "web", "level": 4 }], "hoursPerWeek": 100000 }
              ],
              "locked": [{ "challengeId": "Z", "professionalId": "p1", "role": "web" }]
            }
            """;
        var response = await PostAsync(coordinator, bad);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        string[] keys =
        [
            "challenges[0].hoursPerWeek", "challenges[0].roles[0].skill", "challenges[0].roles[1].count", "challenges[1].id",
            "challenges[2].minSize", "challenges[3].roles", "challenges[4].id", "professionals[0].skills", "professionals[1].id",
            "professionals[2].skills[0].level", "professionals[2].hoursPerWeek", "locked[0].challengeId",
        ];
        foreach (var key in keys)
        {
            Assert.True(errors.TryGetProperty(key, out var messages), $"no error for {key}: {errors}");
            var message = messages[0].GetString()!;
            if (culture == "en") Assert.DoesNotMatch("[\u3040-\u30ff\u4e00-\u9fff]", message);
            else Assert.Matches("[\u3040-\u30ff\u4e00-\u9fff]", message);
        }
        Assert.Contains("juggling", errors.GetProperty("challenges[0].roles[0].skill")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("\"A\"".Trim('"'), errors.GetProperty("challenges[1].id")[0].GetString(), StringComparison.Ordinal);

        foreach (var body in new[] { "{ \"challenges\": [", "[]", "{ \"challenges\": [{ \"id\": \"A\", \"hoursPerWeek\": \"many\" }] }", "{}", "null" })
        {
            var malformed = await PostAsync(coordinator, body);
            Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
            var problem = await malformed.Content.ReadAsStringAsync();
            Assert.Contains("errors", problem, StringComparison.Ordinal);
        }

        // Locked members the round cannot keep: p6 has a conflict with B's organization.
        var locked = Round.Replace("\"professionals\":", "\"locked\": [{ \"challengeId\": \"B\", \"professionalId\": \"p6\", \"role\": \"law\" }], \"professionals\":", StringComparison.Ordinal);
        var refused = await PostAsync(coordinator, locked);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var lockedErrors = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Contains("p6", lockedErrors.GetProperty("locked")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await RowCountsAsync());
    }

    [Fact]
    public async Task The_endpoint_is_in_the_openapi_document_with_a_summary()
    {
        var document = await app.CreateBrowser().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        using var json = JsonDocument.Parse(document);
        var post = json.RootElement.GetProperty("paths").GetProperty(Url).GetProperty("post");
        Assert.Contains("team formation", post.GetProperty("summary").GetString(), StringComparison.OrdinalIgnoreCase);
    }
}
