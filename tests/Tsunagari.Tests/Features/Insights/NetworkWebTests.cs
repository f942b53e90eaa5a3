using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Engagement;
using Tsunagari.Features.Insights;
using Tsunagari.Features.Insights.Network;
using Tsunagari.Features.Organizations;
using Tsunagari.Tests.Features.Opportunities;

namespace Tsunagari.Tests.Features.Insights;

/// <summary>
/// POST /api/v1/insights/network/metrics (the karate club over HTTP equals the unit values; roles; every kind of bad
/// body) and the platform's own network at /insights/network, on ties the test builds and refreshes itself (the
/// background refresh is off, so it cannot run in between).
/// </summary>
public sealed class NetworkWebTests(NetworkWebTests.NetworkApp app) : IClassFixture<NetworkWebTests.NetworkApp>
{
    public sealed class NetworkApp : TestApp
    {
        protected override void Configure(IDictionary<string, string?> settings) => settings["Tsunagari:Network:RefreshInterval"] = "00:00:00";
    }

    private const string Url = "/api/v1/insights/network/metrics";

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string json) =>
        client.PostAsync(new Uri(Url, UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

    private static string Karate(bool sectors) => JsonSerializer.Serialize(new
    {
        nodes = Enumerable.Range(0, 34).Select(v => new { id = v.ToString(System.Globalization.CultureInfo.InvariantCulture), sector = sectors ? (v < 17 ? "npo" : "company") : null }),
        edges = KarateClub.Edges.Select(e => new { source = e.Source.ToString(System.Globalization.CultureInfo.InvariantCulture), target = e.Target.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
        weighted = false,
    });

    [Fact]
    public async Task The_karate_club_over_http_has_the_same_measures_as_the_algorithms()
    {
        var response = await PostAsync(await app.SignInAsync(Roles.Coordinator), Karate(sectors: true));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var expected = NetworkAnalysis.Measure(KarateClub.Graph(), weighted: false, TestContext.Current.CancellationToken);
        var nodes = body.GetProperty("nodes");
        Assert.Equal(34, nodes.GetArrayLength());
        for (var v = 0; v < 34; v++)
        {
            var node = nodes[v];
            Assert.Equal(v.ToString(System.Globalization.CultureInfo.InvariantCulture), node.GetProperty("id").GetString());
            Assert.Equal(expected.Degree[v], node.GetProperty("degree").GetInt32());
            Assert.Equal(expected.Betweenness[v], node.GetProperty("betweenness").GetDouble(), 12);
            Assert.Equal(expected.Closeness[v], node.GetProperty("closeness").GetDouble(), 12);
            Assert.Equal(expected.Clustering[v], node.GetProperty("clustering").GetDouble(), 12);
            Assert.Equal(expected.Community[v], node.GetProperty("community").GetInt32());
            Assert.Equal(0, node.GetProperty("component").GetInt32());
        }
        Assert.Equal(0.43763528138528146, nodes[0].GetProperty("betweenness").GetDouble(), 12);
        Assert.Equal(0.13903743315508021, body.GetProperty("density").GetDouble(), 12);
        Assert.Equal(0.5706384782076823, body.GetProperty("averageClustering").GetDouble(), 12);
        Assert.InRange(body.GetProperty("modularity").GetDouble(), 0.40, 0.42);
        Assert.Equal(1, body.GetProperty("components").GetInt32());
        Assert.Equal(78, body.GetProperty("edgeCount").GetInt32());
        // Members 0–16 "npo", 17–33 "company": the edges between the halves over all 78.
        var crossing = KarateClub.Edges.Count(e => e.Source < 17 != e.Target < 17);
        Assert.Equal(crossing / 78d, body.GetProperty("crossSectorShare").GetDouble(), 12);
        var bridges = body.GetProperty("bridges");
        Assert.Equal(10, bridges.GetArrayLength());
        Assert.Equal("0", bridges[0].GetProperty("id").GetString());
        Assert.Equal("33", bridges[1].GetProperty("id").GetString());
        Assert.Equal(0, body.GetProperty("warnings").GetArrayLength());
    }

    [Fact]
    public async Task Only_coordinators_and_prefecture_admins_may_call_it()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(app.CreateBrowser(), Karate(false))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(await app.SignInAsync(Roles.Resident), Karate(false))).StatusCode);
        var admin = await PostAsync(await app.SignInAsync(Roles.PrefectureAdmin), """{ "nodes": [{ "id": 1 }, { "id": 2 }], "edges": [{ "source": 1, "target": 2 }] }""");
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        var body = await admin.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal("1", body.GetProperty("nodes")[0].GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("crossSectorShare").ValueKind);
    }

    [Fact]
    public async Task Self_loops_are_ignored_and_duplicates_merged_with_warnings()
    {
        var response = await PostAsync(await app.SignInAsync(Roles.Coordinator), """
            { "nodes": [{ "id": "a" }, { "id": "b" }, { "id": "c" }],
              "edges": [{ "source": "a", "target": "b", "weight": 2 }, { "source": "b", "target": "a", "weight": 3 }, { "source": "c", "target": "c" },
                        { "source": "b", "target": "c" }],
              "weighted": true }
            """);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(2, body.GetProperty("edgeCount").GetInt32());
        Assert.Equal(5, body.GetProperty("nodes")[0].GetProperty("weightedDegree").GetDouble());
        Assert.Equal(6, body.GetProperty("nodes")[1].GetProperty("weightedDegree").GetDouble());
        Assert.Equal(1, body.GetProperty("nodes")[1].GetProperty("betweenness").GetDouble(), 12);
        Assert.Equal(2, body.GetProperty("warnings").GetArrayLength());
    }

    [Theory]
    [InlineData("ja", "ノード「x」は nodes にありません。", "ノードの ID「a」が重複しています。", "重みは正の有限な数値で指定してください（省略すると1）。")]
    [InlineData("en", "Node \"x\" is not in nodes.", "Node id \"a\" appears more than once.", "Give the weight as a positive finite number (1 when left out).")]
    public async Task Bad_nodes_and_edges_are_named_by_their_json_path_in_the_person_s_language(string culture, string unknown, string duplicate, string weight)
    {
        var client = await app.SignInAsync(Roles.Coordinator);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(culture);
        var response = await PostAsync(client, $$"""
            { "nodes": [{ "id": "a" }, { "id": "a" }, { "id": "b" }, { "id": "" }, { "id": "{{new string('z', 101)}}" }],
              "edges": [{ "source": "a", "target": "x" }, { "source": "a", "target": "b", "weight": 0 }, { "source": "a", "target": "b", "weight": -1 }] }
            """);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("errors");
        Assert.Equal(duplicate, errors.GetProperty("nodes[1].id")[0].GetString());
        Assert.True(errors.TryGetProperty("nodes[3].id", out _));
        Assert.True(errors.TryGetProperty("nodes[4].id", out _));
        Assert.Equal(unknown, errors.GetProperty("edges[0].target")[0].GetString());
        Assert.Equal(weight, errors.GetProperty("edges[1].weight")[0].GetString());
        Assert.True(errors.TryGetProperty("edges[2].weight", out _));
    }

    [Theory]
    [InlineData("{ \"nodes\": [", "nodes[0]")]
    [InlineData("{ \"nodes\": [] ", "body")]
    [InlineData("{ \"nodes\": [{ \"id\": true }], \"edges\": [] }", "nodes[0].id")]
    [InlineData("{ \"nodes\": [{ \"id\": \"a\" }], \"edges\": [{ \"source\": \"a\", \"target\": \"a\", \"weight\": \"heavy\" }] }", "edges[0].weight")]
    [InlineData("{ \"edges\": [] }", "nodes")]
    [InlineData("{ \"nodes\": [] }", "edges")]
    [InlineData("null", "body")]
    public async Task Unreadable_or_missing_parts_are_a_validation_problem_never_a_500(string json, string key)
    {
        var response = await PostAsync(await app.SignInAsync(Roles.Coordinator), json);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("errors");
        Assert.True(errors.TryGetProperty(key, out _), errors.GetRawText());
    }

    [Fact]
    public async Task Too_many_nodes_and_too_large_a_body_are_refused()
    {
        var client = await app.SignInAsync(Roles.Coordinator);
        var many = JsonSerializer.Serialize(new { nodes = Enumerable.Range(0, NetworkApi.MaxNodes + 1).Select(v => new { id = v }), edges = Array.Empty<object>() });
        var response = await PostAsync(client, many);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("20000", (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("errors").GetProperty("nodes")[0].GetString()!.Replace(",", "", StringComparison.Ordinal), StringComparison.Ordinal);

        // Refused by its length before a byte of it is read.
        using var huge = new ByteArrayContent(new byte[NetworkApi.MaxBodyBytes + 1]);
        huge.Headers.ContentType = new("application/json");
        var tooLarge = await client.PostAsync(new Uri(Url, UriKind.Relative), huge, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
    }

    [Fact]
    public async Task A_coordinator_finds_the_bridge_organization_between_two_groups_and_a_resident_is_refused()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var hub = $"橋の会{Guid.NewGuid():N}"[..12];
        Guid hubId;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var (founder, _) = await app.CreateAccountAsync($"net-{Guid.NewGuid():N}@example.jp", Roles.Resident);
            var npo = new Organization(OpportunityData.Profile("西の子ども食堂"), founder.Id, DateTimeOffset.UtcNow);
            var bridge = new Organization(OpportunityData.Profile(hub) with { Kind = OrganizationKind.Company }, founder.Id, DateTimeOffset.UtcNow);
            var association = new Organization(OpportunityData.Profile("東町自治会") with { Kind = OrganizationKind.NeighbourhoodAssociation }, founder.Id, DateTimeOffset.UtcNow);
            db.Organizations.AddRange(npo, bridge, association);
            hubId = bridge.Id;
            var start = DateTimeOffset.UtcNow.AddMonths(-6);
            // Two people active at the NPO and the company at the same time, one at the company and the association;
            // a fourth was at the NPO and the association in different years, which is no tie.
            for (var i = 0; i < 4; i++)
            {
                var (person, _) = await app.CreateAccountAsync($"net-p{i}-{Guid.NewGuid():N}@example.jp", Roles.Resident);
                (Guid Org, DateTimeOffset From, DateTimeOffset To)[] journeys = i switch
                {
                    < 2 => [(npo.Id, start, start.AddMonths(3)), (bridge.Id, start.AddMonths(1), start.AddMonths(5))],
                    2 => [(bridge.Id, start, start.AddMonths(2)), (association.Id, start, start.AddMonths(2))],
                    _ => [(npo.Id, start.AddYears(-3), start.AddYears(-2)), (association.Id, start, start.AddMonths(1))],
                };
                foreach (var (org, from, to) in journeys)
                    db.Journeys.Add(new Journey(person.Id, org) { Stage = JourneyStage.Experience, StageSince = from, FirstActivityAt = from, LastActivityAt = to, Activities = 1 });
            }
            await db.SaveChangesAsync(cancellationToken);
            await scope.ServiceProvider.GetRequiredService<RefreshNetworkTies>().RunAsync(cancellationToken);
            var ties = await db.NetworkTies.Where(t => t.Kind == NetworkTieKind.SharedParticipants).ToListAsync(cancellationToken);
            Assert.Equal(2, ties.Count(t => t.OrganizationId == hubId || t.OtherOrganizationId == hubId));
            Assert.Equal(2, ties.Single(t => t.OrganizationId == npo.Id || t.OtherOrganizationId == npo.Id).Weight);
        }

        var coordinator = await app.SignInAsync(Roles.Coordinator);
        var page = await coordinator.GetAsync(new Uri("/insights/network", UriKind.Relative), cancellationToken);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.HtmlAsync();
        var bridges = html[html.IndexOf("<h2>橋渡し役の団体</h2>", StringComparison.Ordinal)..html.IndexOf("<h2>団体のまとまり（コミュニティ）</h2>", StringComparison.Ordinal)];
        Assert.Contains($"<a href=\"/organizations/{hubId}\">{hub}</a>", bridges, StringComparison.Ordinal);
        Assert.DoesNotContain("西の子ども食堂", bridges, StringComparison.Ordinal);
        Assert.Contains("data-network=", html, StringComparison.Ordinal);

        var csv = await coordinator.GetStringAsync(new Uri("/insights/network?chart=edges&format=csv", UriKind.Relative), cancellationToken);
        Assert.Contains(hub, csv, StringComparison.Ordinal);
        Assert.Contains("SharedParticipants", csv, StringComparison.Ordinal);
        var nodes = await coordinator.GetFromJsonAsync<JsonElement>("/insights/network?chart=nodes&format=json", cancellationToken);
        Assert.Equal(1d, nodes.EnumerateArray().Single(n => n.GetProperty("name").GetString() == hub).GetProperty("betweenness").GetDouble(), 12);

        // Only grants: no tie of that kind here, so no bridges; only companies: the hub alone has no tie.
        var grants = await (await coordinator.GetAsync(new Uri("/insights/network?kind=Grants&culture=en", UriKind.Relative), cancellationToken)).HtmlAsync();
        Assert.DoesNotContain(hub, grants, StringComparison.Ordinal);
        Assert.Contains("<h2>Bridge organizations</h2>", grants, StringComparison.Ordinal);
        var bad = await (await coordinator.GetAsync(new Uri("/insights/network?municipality=999999&minWeight=0&kind=Nothing&culture=ja", UriKind.Relative), cancellationToken)).HtmlAsync();
        Assert.Contains("市区町村コード「999999」はこの県にありません。", bad, StringComparison.Ordinal);
        Assert.Contains("最小の重みは1から", bad, StringComparison.Ordinal);
        Assert.Contains("つながりの種類「Nothing」はありません。", bad, StringComparison.Ordinal);
        Assert.DoesNotContain("<h2>橋渡し役の団体</h2>", bad, StringComparison.Ordinal);

        var resident = await app.SignInAsync(Roles.Resident);
        var refused = await resident.GetAsync(new Uri("/insights/network", UriKind.Relative), cancellationToken);
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.DoesNotContain(hub, await refused.Content.ReadAsStringAsync(cancellationToken), StringComparison.Ordinal);
    }
}

/// <summary>The ties' refresh on nodes that run it at the same moment (its own database: the ties are the whole network's).</summary>
public sealed class NetworkRefreshTests(NetworkWebTests.NetworkApp app) : IClassFixture<NetworkWebTests.NetworkApp>
{
    [Fact]
    public async Task Two_nodes_refreshing_the_ties_at_once_both_finish_with_the_same_ties()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var (founder, _) = await app.CreateAccountAsync($"net-{Guid.NewGuid():N}@example.jp", Roles.Resident);
            var one = new Organization(OpportunityData.Profile("並行の会"), founder.Id, DateTimeOffset.UtcNow);
            var other = new Organization(OpportunityData.Profile("並行の町内会") with { Kind = OrganizationKind.NeighbourhoodAssociation }, founder.Id, DateTimeOffset.UtcNow);
            db.Organizations.AddRange(one, other);
            var since = DateTimeOffset.UtcNow.AddMonths(-2);
            foreach (var organization in new[] { one, other })
                db.Journeys.Add(new Journey(founder.Id, organization.Id) { Stage = JourneyStage.Experience, StageSince = since, FirstActivityAt = since, LastActivityAt = since.AddMonths(1), Activities = 1 });
            await db.SaveChangesAsync(cancellationToken);
        }
        async Task<int> RefreshAsync()
        {
            await using var scope = app.Scope();
            return await scope.ServiceProvider.GetRequiredService<RefreshNetworkTies>().RunAsync(cancellationToken);
        }
        var counts = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(RefreshAsync, cancellationToken)));
        Assert.All(counts, c => Assert.Equal(counts[0], c));
        await using (var scope = app.Scope())
            Assert.Equal(counts[0], await scope.ServiceProvider.GetRequiredService<AppDbContext>().NetworkTies.CountAsync(cancellationToken));
    }
}
