using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Insights;

namespace Tsunagari.Tests.Features.Insights;

/// <summary>A test app with the figure pages' output cache on, as in production.</summary>
public sealed class CachingApp : TestApp
{
    protected override void Configure(IDictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings["Tsunagari:Dashboards:CacheDuration"] = "00:10:00";
    }
}

/// <summary>
/// The public figure pages come from the output cache for anonymous readers, a copy per language; signed-in readers get
/// them drawn anew, and a population upload empties the cache.
/// </summary>
public sealed class InsightsCachingTests(CachingApp app) : IClassFixture<CachingApp>
{
    private const string Ichihara = "122190";
    private static readonly Uri Page = new($"/insights/regions/{Ichihara}", UriKind.Relative);
    private static readonly Uri Map = new("/insights/map", UriKind.Relative);

    private async Task AddPopulationAsync(string source)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.MunicipalityPopulations.Add(new MunicipalityPopulation(Ichihara, 270_000, new DateOnly(2026, 10, 1), source, DateTimeOffset.UtcNow, null));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Anonymous_readers_get_the_cached_page_per_language_until_a_population_upload()
    {
        var reader = app.CreateBrowser("ja");
        Assert.DoesNotContain("キャッシュの出典", await reader.GetStringAsync(Page), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(Map)).StatusCode);

        // Written straight to the database, as another node would: this node's anonymous Japanese copy stays as drawn.
        await AddPopulationAsync("キャッシュの出典");
        var cached = await reader.GetAsync(Page);
        Assert.NotNull(cached.Headers.Age);
        Assert.DoesNotContain("キャッシュの出典", await cached.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // English is its own copy, drawn now; a signed-in reader's page is never cached.
        var english = await app.CreateBrowser("en").GetStringAsync(Page);
        Assert.Contains("Participants", english, StringComparison.Ordinal);
        Assert.Contains("キャッシュの出典", english, StringComparison.Ordinal);
        var resident = await app.SignInAsync(Roles.Resident);
        Assert.Contains("キャッシュの出典", await resident.GetStringAsync(Page), StringComparison.Ordinal);

        // The uploader sees their figures at once: the upload empties the cache.
        var admin = await app.SignInAsync(Roles.PrefectureAdmin);
        var upload = await MapTests.UploadAsync(admin, MapTests.Utf8($"municipality_code,population,as_of\n{Ichihara},271000,2026-11-01\n"), "アップロードの出典");
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var fresh = await reader.GetAsync(Page);
        Assert.Null(fresh.Headers.Age);
        Assert.Contains("アップロードの出典", await fresh.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null((await reader.GetAsync(Map)).Headers.Age);
    }
}
