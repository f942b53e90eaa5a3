using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Npgsql;
using Tsunagari.Features.Opportunities;
using Tsunagari.Platform.Errors;
using Tsunagari.Tests.Features.Opportunities;

namespace Tsunagari.Tests.Hardening;

/// <summary>
/// PostgreSQL becomes unreachable under load: requests fail fast with a localized 503 (page or ProblemDetails, never a
/// 500 or a stack trace), and the app serves again within 10 s of the database's return, without a restart. The server
/// is the test's own (<see cref="OwnPostgres"/>), really stopped and started again, so no other test loses its database.
/// </summary>
public sealed class DatabaseOutageTests
{
    /// <summary>Each request during the outage is answered within this.</summary>
    private static readonly TimeSpan FailFast = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(10);

    private sealed class OutageApp(string connectionString) : TestApp
    {
        protected override void Configure(IDictionary<string, string?> settings)
        {
            settings["Database:Provider"] = "Postgres";
            settings["ConnectionStrings:Tsunagari"] = connectionString;
        }
    }

    [Fact]
    public async Task Requests_fail_fast_with_a_localized_503_and_the_app_recovers_within_10_seconds()
    {
        await using var postgres = await OwnPostgres.StartAsync();
        try
        {
            // Pooled, as in production (the test default turns pooling off): broken pooled connections must not outlive the outage.
            var connection = new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { Pooling = true, MaxPoolSize = 10 };
            await using var app = new OutageApp(connection.ConnectionString);
            var (_, orgId) = await OpportunityData.OrgAdminAsync(app, "停電の会");
            var id = await OpportunityData.AddAsync(app, orgId, OpportunityData.Details("停電テスト", DateTimeOffset.UtcNow.AddDays(3)));
            string[] urls = [$"/opportunities/{id}", $"/api/v1/opportunities/{id}"];
            var client = app.CreateBrowser();
            foreach (var url in urls) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);

            // Load: eight clients asking for a page and an API resource in a loop through the whole outage.
            using var stopLoad = new CancellationTokenSource();
            var answers = new ConcurrentBag<(HttpStatusCode Status, TimeSpan Took, bool Outage)>();
            var outage = false;
            var load = Enumerable.Range(0, 8).Select(n => Task.Run(async () =>
            {
                var browser = app.CreateBrowser();
                for (var i = n; !stopLoad.IsCancellationRequested; i++)
                {
                    var during = Volatile.Read(ref outage);
                    var clock = Stopwatch.StartNew();
                    var response = await browser.GetAsync(new Uri(urls[i % 2], UriKind.Relative));
                    answers.Add((response.StatusCode, clock.Elapsed, during && Volatile.Read(ref outage)));
                }
            })).ToList();
            await Task.Delay(500);

            await postgres.StopAsync();
            Volatile.Write(ref outage, true);
            await Task.Delay(TimeSpan.FromSeconds(4));

            // What a person and an API client see, in each language.
            await AssertUnavailablePageAsync(app, urls[0], "ja", "ただいま利用できません");
            await AssertUnavailablePageAsync(app, urls[0], "en", "Temporarily unavailable");
            await AssertUnavailableProblemAsync(app, urls[1], "ja", "ただいま利用できません");
            await AssertUnavailableProblemAsync(app, urls[1], "en", "Temporarily unavailable");

            Volatile.Write(ref outage, false);
            await postgres.StartAgainAsync();
            var back = Stopwatch.StartNew();
            var recovered = false;
            while (back.Elapsed < Recovery && !recovered)
            {
                var page = await client.GetAsync(new Uri(urls[0], UriKind.Relative));
                var api = await client.GetAsync(new Uri(urls[1], UriKind.Relative));
                recovered = page.StatusCode == HttpStatusCode.OK && api.StatusCode == HttpStatusCode.OK;
                if (!recovered) await Task.Delay(200);
            }
            Assert.True(recovered, $"the app did not serve again within {Recovery.TotalSeconds} s of the database's return");
            var recoveredAfter = back.Elapsed;

            await stopLoad.CancelAsync();
            await Task.WhenAll(load);

            // Once recovered it stays recovered: no dead pooled connection is handed out afterwards.
            for (var i = 0; i < 20; i++)
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(urls[i % 2], UriKind.Relative))).StatusCode);

            var duringOutage = answers.Where(a => a.Outage).ToList();
            Assert.NotEmpty(duringOutage);
            Assert.All(duringOutage, a => Assert.Equal(HttpStatusCode.ServiceUnavailable, a.Status));
            Assert.All(answers, a => Assert.Contains(a.Status, new[] { HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable }));
            var slowest = answers.Max(a => a.Took);
            Assert.True(slowest < FailFast, $"the slowest answer took {slowest.TotalSeconds:0.0} s (limit {FailFast.TotalSeconds} s)");
            Assert.True(recoveredAfter < Recovery);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
        }
    }

    private static async Task AssertUnavailablePageAsync(TestApp app, string url, string culture, string title)
    {
        var clock = Stopwatch.StartNew();
        var response = await app.CreateBrowser(culture).GetAsync(new Uri(url, UriKind.Relative));
        Assert.True(clock.Elapsed < FailFast, $"{url} took {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(ProblemDetailsExceptionHandler.RetryAfterSeconds, response.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(title, html, StringComparison.Ordinal);
        AssertNoInternals(html);
    }

    private static async Task AssertUnavailableProblemAsync(TestApp app, string url, string culture, string title)
    {
        var clock = Stopwatch.StartNew();
        var response = await app.CreateBrowser(culture).GetAsync(new Uri(url, UriKind.Relative));
        Assert.True(clock.Elapsed < FailFast, $"{url} took {clock.Elapsed.TotalSeconds:0.0} s");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, body);
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", body);
        Assert.NotNull(response.Headers.RetryAfter);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(503, json.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(title, json.RootElement.GetProperty("title").GetString());
        AssertNoInternals(body);
    }

    private static void AssertNoInternals(string body)
    {
        foreach (var leak in new[] { "Npgsql", "Exception", " at Tsunagari", "127.0.0.1" })
            Assert.DoesNotContain(leak, body, StringComparison.Ordinal);
    }
}
