using System.Data.Common;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Engagement.Journeys;
using Tsunagari.Features.Organizations;
using Tsunagari.Features.Search;
using Tsunagari.Tests.Features.Opportunities;

namespace Tsunagari.Tests.Hardening;

/// <summary>An app that counts the SQL commands it sends (the search indexer polls only when told, so it adds none).</summary>
public sealed class CountingApp : TestApp
{
    public CommandCounter Commands { get; } = new();

    /// <summary>The SQL commands each page sends, the pages requested one after another, each as its client.</summary>
    public async Task<Dictionary<string, int>> CountCommandsAsync(IEnumerable<(HttpClient Client, string Url)> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (client, url) in pages)
        {
            var before = Commands.Count;
            var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
            counts[url] = Commands.Count - before;
        }
        return counts;
    }

    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Search:PollInterval"] = "01:00:00";
        settings["Tsunagari:Journey:PollInterval"] = "01:00:00"; // so do the journey updater's
        settings["Notifications:PollInterval"] = "00:00:00"; // the notification mailer's polls would be counted against pages
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.ConfigureDbContext<AppDbContext>(o => o.AddInterceptors(Commands)));
    }
}

public sealed class CommandCounter : DbCommandInterceptor
{
    private int count;

    public int Count => Volatile.Read(ref count);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref count);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Interlocked.Increment(ref count);
        return base.ReaderExecuting(command, eventData, result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref count);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref count);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }
}

/// <summary>
/// No N+1 queries: every public page and list endpoint sends a small, fixed number of SQL commands, the same with
/// three organizations as with fifteen (a query per listed item would show as a count that grows with the data).
/// </summary>
public sealed class QueryCountTests(CountingApp app) : IClassFixture<CountingApp>
{
    /// <summary>The most commands any page below may send; a page that needs more should say why in a review.</summary>
    private const int Bound = 10;

    [Fact]
    public async Task Pages_and_lists_send_a_few_commands_whatever_the_amount_of_data()
    {
        var (admin, organizationId) = await OpportunityData.OrgAdminAsync(app, "件数の会");
        var opportunityId = await AddOrganizationsAsync(organizationId, 3);
        var small = await CountAsync(admin, organizationId, opportunityId);

        await AddOrganizationsAsync(organizationId, 12);
        var large = await CountAsync(admin, organizationId, opportunityId);

        var report = small.Keys.Where(url => small[url] > Bound || large[url] != small[url])
            .Select(url => $"{url}: {small[url]} commands with little data, {large[url]} with more").ToList();
        Assert.True(report.Count == 0, string.Join("\n", report));
    }

    /// <summary>Organizations with four published opportunities each (and the subject organization one more); returns that one's id.</summary>
    private async Task<Guid> AddOrganizationsAsync(Guid subject, int organizations)
    {
        for (var i = 0; i < organizations; i++)
        {
            var (_, id) = await OpportunityData.OrgAdminAsync(app, $"件数の団体{Guid.NewGuid():N}");
            for (var j = 0; j < 4; j++)
                await OpportunityData.AddAsync(app, id, OpportunityData.Details($"件数テスト{i}-{j}", DateTimeOffset.UtcNow.AddDays(j + 1), rule: j == 0 ? "FREQ=WEEKLY;COUNT=4" : null));
        }
        var opportunityId = await OpportunityData.AddAsync(app, subject, OpportunityData.Details("件数テストの主役", DateTimeOffset.UtcNow.AddDays(2)));
        await app.Services.GetRequiredService<SearchIndex>().CatchUpAsync();
        return opportunityId;
    }

    private async Task<Dictionary<string, int>> CountAsync(HttpClient admin, Guid organizationId, Guid opportunityId)
    {
        // Each round counts the kept figures and lists being computed (their most expensive case), not read from memory.
        await using (var scope = app.Scope())
            await IndicatorSnapshots.RaiseAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), [organizationId], ["121002"], CancellationToken.None);
        var anonymous = app.CreateBrowser();
        var pages = new (HttpClient Client, string Url)[]
        {
            (anonymous, "/"),
            (anonymous, "/search"),
            (anonymous, "/search?q=件数テスト"),
            (anonymous, "/search?type=organizations&q=件数"),
            (anonymous, "/search.ics?q=件数テスト"),
            (anonymous, $"/organizations/{organizationId}"),
            (anonymous, $"/opportunities/{opportunityId}"),
            (anonymous, "/regions"),
            (anonymous, "/regions/121002"),
            (anonymous, "/regions/121002/indicators"),
            (anonymous, $"/organizations/{organizationId}/indicators"),
            (anonymous, "/regions/121002/opportunities.ics"),
            (anonymous, $"/organizations/{organizationId}/opportunities.ics"),
            (anonymous, "/api/v1/opportunities?q=件数テスト"),
            (anonymous, "/api/v1/organizations?q=件数"),
            (anonymous, $"/api/v1/opportunities/{opportunityId}"),
            (anonymous, $"/api/v1/organizations/{organizationId}"),
            (anonymous, "/opendata/events.csv"),
            (anonymous, "/opendata/organizations.json"),
            // The home page signed in: the "For you" recommendations (its query string only keeps it apart from the anonymous one).
            (admin, "/?signed-in"),
            (admin, "/organizations/mine"),
            (admin, $"/organizations/{organizationId}/opportunities"),
            (admin, $"/organizations/{organizationId}/members"),
            (admin, $"/organizations/{organizationId}/journey"),
            (admin, $"/organizations/{organizationId}/indicators"),
            (admin, "/me"),
            (admin, "/me/profile"),
            (admin, "/api/v1/me/profile"),
            (anonymous, "/guide/npo-incorporation?municipality=121011"),
            (admin, $"/opportunities/{opportunityId}?signed-in"),
            (admin, $"/opportunities/{opportunityId}/signups"),
            (admin, "/me/signups"),
            (admin, "/me/notifications"),
            (admin, "/api/v1/me/signups"),
            (admin, $"/opportunities/{opportunityId}/roster"),
            (admin, $"/organizations/{organizationId}/hours"),
            (admin, $"/organizations/{organizationId}/certificates"),
            (admin, "/me/hours"),
            (admin, "/me/record"),
            (admin, "/api/v1/me/record"),
            (admin, $"/organizations/{organizationId}/challenges"),
            (admin, $"/organizations/{organizationId}/challenges/new"),
            (admin, "/me/probono"),
        };
        // Stored indicators are dropped so that each count includes computing them, the path that reads the most.
        await using (var scope = app.Scope())
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().IndicatorSnapshots.ExecuteDeleteAsync();
        return await app.CountCommandsAsync(pages);
    }
}
