using System.Net;
using System.Text.Json;
using Microsoft.Net.Http.Headers;
using Tsunagari.Tests.Features.Search;

namespace Tsunagari.Tests.Platform;

/// <summary>Several web nodes on one PostgreSQL database: data-protection keys are shared, so a sign-in on one holds on the others; each keeps its own search index current from the change table.</summary>
public sealed class SeveralNodesTests
{
    private sealed class Node(string database) : TestApp
    {
        protected override void Configure(IDictionary<string, string?> settings)
        {
            settings["Database:Provider"] = "Postgres";
            settings["ConnectionStrings:Tsunagari"] = Postgres.ConnectionString(database);
        }
    }

    [Fact]
    public async Task A_cookie_issued_by_one_node_is_accepted_by_another()
    {
        await TestApp.Postgres.RequireAsync();
        var database = await TestApp.Postgres.CreateDatabaseAsync();
        try
        {
            await using var first = new Node(database);
            await using var second = new Node(database);
            var browser = await first.SignInAsync(Tsunagari.Features.Accounts.Roles.Resident, "roaming@example.jp");
            var signedInCookie = first.CreateBrowser();
            var login = await signedInCookie.PostFormAsync("/account/login", new() { ["Input.Email"] = "roaming@example.jp", ["Input.Password"] = TestApp.Password });
            var cookie = login.Headers.GetValues(HeaderNames.SetCookie).Single(c => c.StartsWith("tsunagari=", StringComparison.Ordinal)).Split(';')[0];

            var other = second.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
            using var request = new HttpRequestMessage(HttpMethod.Get, "/account");
            request.Headers.Add(HeaderNames.Cookie, cookie);
            var response = await other.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("roaming@example.jp", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.NotNull(browser);
        }
        finally
        {
            await TestApp.Postgres.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public async Task Each_node_follows_the_change_table_and_finds_a_write_made_on_the_other_within_5_seconds()
    {
        await TestApp.Postgres.RequireAsync();
        var database = await TestApp.Postgres.CreateDatabaseAsync();
        try
        {
            await using var first = new Node(database);
            await using var second = new Node(database);
            _ = first.Server; // both nodes run their background indexers from here on
            _ = second.Server;

            var org = await SearchData.OrganizationAsync(first, "二拠点の会");
            await SearchData.OpportunityAsync(first, org.Id, SearchData.Details("二拠点テスト", DateTimeOffset.UtcNow.AddDays(3)));
            Assert.True(await FindsWithinAsync(second, "/api/v1/opportunities?q=二拠点テスト", TimeSpan.FromSeconds(5)), "the other node did not find the write within 5 s");
            Assert.True(await FindsWithinAsync(first, "/api/v1/opportunities?q=二拠点テスト", TimeSpan.FromSeconds(5)), "the writing node did not find its own write within 5 s");

            // A change made on the second node reaches the first in the same way (an organization this time).
            await SearchData.OrganizationAsync(second, "二拠点の第二会");
            Assert.True(await FindsWithinAsync(first, "/api/v1/organizations?q=二拠点の第二会", TimeSpan.FromSeconds(5)), "the first node did not find the second's write within 5 s");
        }
        finally
        {
            await TestApp.Postgres.DropDatabaseAsync(database);
        }
    }

    private static async Task<bool> FindsWithinAsync(TestApp node, string url, TimeSpan limit)
    {
        var client = node.CreateClient();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri(url, UriKind.Relative)));
            if (json.RootElement.GetProperty("total").GetInt32() > 0) return true;
            await Task.Delay(100);
        }
        return false;
    }
}
