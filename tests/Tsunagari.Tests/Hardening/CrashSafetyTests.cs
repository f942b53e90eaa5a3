using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Opportunities;
using Tsunagari.Features.Organizations;
using Tsunagari.Tests.Features.Opportunities;

namespace Tsunagari.Tests.Hardening;

/// <summary>
/// The server is killed with SIGKILL during a burst of writes: after a restart on the same data, every write that was
/// acknowledged with 2xx is there exactly once and nothing is half-written (the opportunity, its organization and its
/// search change are one transaction). Runs on the provider of the test run: SQLite in WAL mode, or PostgreSQL.
/// </summary>
public sealed class CrashSafetyTests
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(30);

    /// <summary>The test's database, seeded and checked through a test host; the killed process is a second node on it.</summary>
    private sealed class Database : TestApp
    {
        public string ConnectionString { get; private set; } = "";

        protected override void Configure(IDictionary<string, string?> settings) =>
            ConnectionString = settings.TryGetValue("ConnectionStrings:Tsunagari", out var postgres) && postgres is not null
                ? postgres
                : $"Data Source={Path.Combine(DataDirectory, "tsunagari.db")}";
    }

    [Fact]
    public async Task Every_acknowledged_write_survives_a_kill_and_none_is_half_written()
    {
        await using var data = new Database();
        await data.InitializeAsync();
        var (account, _) = await data.CreateAccountAsync($"crash-{Guid.NewGuid():N}@example.jp");
        Guid orgId;
        string secret;
        await using (var scope = data.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var organization = new Organization(OpportunityData.Profile("クラッシュの会"), account.Id, DateTimeOffset.UtcNow);
            db.Organizations.Add(organization);
            (var token, secret) = PersonalAccessToken.Issue(account.Id, "crash test", DateTimeOffset.UtcNow, null);
            db.PersonalAccessTokens.Add(token);
            await db.SaveChangesAsync();
            orgId = organization.Id;
        }

        // Its own data folder (search index, mail); the database is the test's.
        var folder = Path.Combine(data.DataDirectory, "process");
        List<string> settings =
        [
            $"--Tsunagari:DataDirectory={folder}",
            "--Tsunagari:Demo=false",
            $"--Database:Provider={(TestApp.OnPostgres ? "Postgres" : "Sqlite")}",
            $"--ConnectionStrings:Tsunagari={data.ConnectionString}",
        ];

        var acknowledged = new ConcurrentDictionary<string, Guid>(StringComparer.Ordinal);
        var (first, address) = await WebProcess.StartAsync(settings, StartLimit);
        using (first)
        {
            using var client = Client(address, secret);
            var create = new Uri($"/api/v1/organizations/{orgId}/opportunities", UriKind.Relative);
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync(create, Body("クラッシュ前"))).StatusCode);

            // Eight writers in a loop; the process is killed once 40 writes have been acknowledged (or after 10 s).
            using var burst = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            var writers = Enumerable.Range(0, 8).Select(n => Task.Run(async () =>
            {
                for (var i = 0; !burst.IsCancellationRequested; i++)
                {
                    var title = $"クラッシュ{n}-{i}";
                    try
                    {
                        var response = await client.PostAsJsonAsync(create, Body(title), burst.Token);
                        if (response.IsSuccessStatusCode)
                            acknowledged[title] = (await response.Content.ReadFromJsonAsync<IdOnly>(burst.Token))!.Id;
                    }
                    catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException or System.Text.Json.JsonException)
                    {
                        return; // the server is gone: this write's fate is unknown, and the test does not count it
                    }
                }
            })).ToList();
            var clock = Stopwatch.StartNew();
            while (acknowledged.Count < 40 && clock.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(20);
            first.Kill();
            await Task.WhenAll(writers).WaitAsync(TimeSpan.FromSeconds(20));
        }
        Assert.False(acknowledged.IsEmpty, "no write was acknowledged before the kill");

        var (second, againAddress) = await WebProcess.StartAsync(settings, StartLimit);
        using (second)
        {
            using var client = Client(againAddress, secret);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
            // Not left locked: the restarted server writes.
            var after = await client.PostAsJsonAsync(new Uri($"/api/v1/organizations/{orgId}/opportunities", UriKind.Relative), Body("クラッシュ後"));
            Assert.True(after.StatusCode == HttpStatusCode.Created, second.Output);
        }

        await using (var scope = data.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var stored = await db.Opportunities.AsNoTracking().Select(o => new { o.Id, o.Title, o.OrganizationId, o.Description, o.Fields }).ToListAsync();
            var organizations = await db.Organizations.AsNoTracking().Select(o => o.Id).ToListAsync();
            var changes = await db.SearchChanges.AsNoTracking().Where(c => c.Entity == nameof(Opportunity)).Select(c => c.EntityId).ToListAsync();

            foreach (var (title, id) in acknowledged)
                Assert.Equal(id, Assert.Single(stored, s => s.Title == title).Id);
            Assert.Equal(stored.Count, stored.Select(s => s.Title).Distinct(StringComparer.Ordinal).Count());
            Assert.All(stored, s =>
            {
                Assert.Contains(s.OrganizationId, organizations);
                Assert.Contains(s.Id, changes);
                Assert.Equal("クラッシュの試験", s.Description);
                Assert.Equal([2], s.Fields);
            });
        }
    }

    private sealed record IdOnly(Guid Id);

    private static HttpClient Client(Uri address, string token)
    {
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(15) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static object Body(string title)
    {
        var start = DateTime.SpecifyKind(DateTime.Today.AddDays(10).AddHours(19), DateTimeKind.Unspecified);
        return new
        {
            title,
            description = "クラッシュの試験",
            fields = new[] { 2 },
            ways = new[] { 5 },
            municipalityCode = OpportunityData.Funabashi,
            isOnline = true,
            start,
            end = start.AddHours(1),
            repeat = "none",
            feeYen = 0,
            languages = "ja",
        };
    }
}
