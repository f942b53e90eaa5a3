using System.Diagnostics.CodeAnalysis;
using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tsunagari.Data;
using Tsunagari.Features.Directory;
using Tsunagari.Features.Opportunities;
using Tsunagari.Features.Search;
using Tsunagari.Platform;

namespace Tsunagari.Benchmarks.Features.Directory;

/// <summary>
/// The directory's short lists, on every request of the busiest page (home: the next six opportunities) and of every
/// municipality page (its twelve newest organizations and next six opportunities), on the seeded SQLite database and
/// search index (<see cref="BenchApp"/>). Each call has a scope of its own, as a request does. The listing's search is
/// kept by <see cref="SearchIndex"/> until the index changes; the uncached search is measured on a copy of the index, to
/// show what the first request after each change pays. The baseline is the smallest read a listing makes: the ways to
/// take part (13 rows of reference data).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessPerCallConfig))]
[SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "BenchmarkDotNet runs instance methods only.")]
public class DirectoryBenchmarks
{
    private const string ChibaCity = "121002";

    private TextIndex uncached = null!;
    private SearchQuery comingWeek = null!;

    [GlobalSetup]
    public void Setup()
    {
        var app = BenchApp.Shared;
        var folder = app.Services.GetRequiredService<IOptions<TsunagariOptions>>().Value.DataPath("search");
        var copy = folder + "-uncached";
        if (!System.IO.Directory.Exists(copy))
        {
            System.IO.Directory.CreateDirectory(copy);
            foreach (var file in System.IO.Directory.GetFiles(folder).Where(f => Path.GetFileName(f) != "write.lock"))
                File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }
        uncached = TextIndex.Open(copy, out _);
        // The home page's query, as DirectoryListing.UpcomingAsync asks it first.
        var today = Occurrences.JapanDate(DateTimeOffset.UtcNow);
        comingWeek = new SearchQuery { From = today, To = today.AddDays(7), Sort = SearchSort.Date, PageSize = 6, CountFacets = false };
        Console.WriteLine($"// {uncached.Count():N0} documents; {uncached.Search(comingWeek with { PageSize = 1 }).Total:N0} opportunities in the coming week");
    }

    [Benchmark(Baseline = true, Description = "Ways to take part, one small read (baseline)")]
    public async Task<int> Ways()
    {
        await using var scope = BenchApp.Request();
        return (await scope.ServiceProvider.GetRequiredService<DirectoryListing>().WaysAsync(CancellationToken.None)).Count;
    }

    // What every request that reads the database pays before its first query (DataSetup: a context per scope, its
    // SQLite connection opened once), to read the baseline against.
    [Benchmark(Description = "Request scope alone: DbContext made, connection opened")]
    public async Task<bool> ScopeAlone()
    {
        await using var scope = BenchApp.Request();
        return scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.GetDbConnection().State == System.Data.ConnectionState.Open;
    }

    [Benchmark(Description = "Home page model: next 6 opportunities and the ways")]
    public async Task<int> Home()
    {
        await using var scope = BenchApp.Request();
        var page = ActivatorUtilities.CreateInstance<Tsunagari.Features.IndexModel>(scope.ServiceProvider);
        await page.OnGetAsync(CancellationToken.None);
        return page.Upcoming.Count;
    }

    [Benchmark(Description = "Municipality page (千葉市): 12 organizations and next 6 opportunities")]
    public async Task<int> Municipality()
    {
        await using var scope = BenchApp.Request();
        var listing = scope.ServiceProvider.GetRequiredService<DirectoryListing>();
        var organizations = await listing.OrganizationsServingAsync(ChibaCity, 12, CancellationToken.None);
        var opportunities = await listing.UpcomingAsync(ChibaCity, 6, CancellationToken.None);
        return organizations.Count + opportunities.Count;
    }

    [Benchmark(Description = "Home page's search uncached (coming week by date, top 6)")]
    public int ComingWeekUncached() => uncached.Search(comingWeek).Items.Count;

    [GlobalCleanup]
    public void Cleanup() => uncached.Dispose();
}
