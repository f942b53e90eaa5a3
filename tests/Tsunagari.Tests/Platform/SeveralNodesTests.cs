using System.Net;
using Microsoft.Net.Http.Headers;

namespace Tsunagari.Tests.Platform;

/// <summary>Several web nodes on one PostgreSQL database share data-protection keys, so a sign-in on one holds on the others.</summary>
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
        if (!await TestApp.Postgres.IsAvailableAsync())
        {
            Assert.SkipWhen(Environment.GetEnvironmentVariable("TSUNAGARI_REQUIRE_ALL") != "1", $"No PostgreSQL server at TEST_POSTGRES ({TestApp.PostgresServer}).");
            Assert.Fail($"TSUNAGARI_REQUIRE_ALL=1 but no PostgreSQL server at {TestApp.PostgresServer}.");
        }
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
}
