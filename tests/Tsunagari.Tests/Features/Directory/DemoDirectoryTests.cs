using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tsunagari.Data;
using Tsunagari.Data.Demo;
using Tsunagari.Features.Opportunities;
using Tsunagari.Features.Organizations;
using Tsunagari.Features.Regions;
using Tsunagari.Features.Search;

namespace Tsunagari.Tests.Features.Directory;

public sealed class DemoDirectoryTests(DemoDirectoryTests.DemoApp app) : IClassFixture<DemoDirectoryTests.DemoApp>
{
    public sealed class DemoApp : TestApp
    {
        protected override void Configure(IDictionary<string, string?> settings) => settings["Tsunagari:Demo"] = "true";
    }

    [Fact]
    public async Task Demo_mode_fills_the_directory_with_every_kind_and_every_way()
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(DemoDirectory.OrganizationCount, await db.Organizations.CountAsync(TestContext.Current.CancellationToken));
        // Beside the directory's own, the closed opportunities where the demo's participation history took place.
        Assert.Equal(DemoDirectory.OpportunityCount, await db.Opportunities.CountAsync(o => o.Status != OpportunityStatus.Closed, TestContext.Current.CancellationToken));

        var kinds = await db.Organizations.Select(o => o.Kind).Distinct().ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(Enum.GetValues<OrganizationKind>().Order(), kinds.Order());
        Assert.True(await db.Organizations.AnyAsync(o => o.Verification == VerificationStatus.Verified, TestContext.Current.CancellationToken));

        var opportunities = await db.Opportunities.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken);
        var ways = opportunities.SelectMany(o => o.Ways).Distinct().Order().ToList();
        Assert.Equal(DefaultWays.All.Select(w => w.Id).Order(), ways);
        Assert.Contains(opportunities, o => o.RecurrenceRule is not null);
        Assert.Contains(opportunities, o => o.Accessibility.HasFlag(AccessibilityFeatures.Wheelchair));
        Assert.Contains(opportunities, o => o.IsOnline);
        Assert.Contains(opportunities, o => o.Status == OpportunityStatus.Draft);
    }

    [Fact]
    public async Task The_same_seed_number_gives_the_same_directory()
    {
        async Task<List<string>> NamesAsync(TestApp host)
        {
            await using var scope = host.Scope();
            return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Organizations.OrderBy(o => o.Name).Select(o => o.Name).ToListAsync();
        }

        await using var again = new DemoApp();
        await again.InitializeAsync();
        Assert.Equal(await NamesAsync(app), await NamesAsync(again));
    }

    [Fact]
    public async Task Seeding_twice_adds_nothing()
    {
        await using var scope = app.Scope();
        var seed = scope.ServiceProvider.GetServices<Tsunagari.Features.ISeed>().OfType<DemoDirectory>().Single();
        await seed.RunAsync();
        Assert.Equal(DemoDirectory.OrganizationCount, await scope.ServiceProvider.GetRequiredService<AppDbContext>().Organizations.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_home_page_shows_upcoming_opportunities_and_the_ways_to_take_part()
    {
        await app.Services.GetRequiredService<SearchIndex>().CatchUpAsync(TestContext.Current.CancellationToken);
        var html = await app.CreateBrowser().GetStringAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("これからの活動", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/search?way=weekend\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/opportunities/", html, StringComparison.Ordinal);

        var english = await app.CreateBrowser("en").GetStringAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("Weekends and holidays", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_municipality_page_lists_its_organizations_and_opportunities()
    {
        await app.Services.GetRequiredService<SearchIndex>().CatchUpAsync(TestContext.Current.CancellationToken);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var code = await db.Opportunities.Where(o => o.Status == OpportunityStatus.Published && o.RecurrenceRule != null)
            .Select(o => o.MunicipalityCode).FirstAsync(TestContext.Current.CancellationToken);
        // The page lists a dozen serving the municipality or one of its wards, the most recently registered first.
        string[] codes = [code, .. Japan.Shared.Municipality(code)!.Wards.Select(w => w.Code)];
        var organization = await db.Organizations.Where(o => o.MunicipalityCodes.Any(c => codes.Contains(c)))
            .OrderByDescending(o => o.CreatedAt)
            .Select(o => o.Name).FirstAsync(TestContext.Current.CancellationToken);

        var html = await (await app.CreateBrowser().GetAsync(new Uri($"/regions/{code}", UriKind.Relative), TestContext.Current.CancellationToken)).HtmlAsync();
        Assert.Contains("この地域で活動する団体", html, StringComparison.Ordinal);
        Assert.Contains(organization, html, StringComparison.Ordinal);
        Assert.Contains("href=\"/opportunities/", html, StringComparison.Ordinal);
    }
}
