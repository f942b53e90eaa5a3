using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Features;
using Tsunagari.Features.Engagement.Journeys;
using Tsunagari.Features.Opportunities;
using Tsunagari.Features.Search;
using Tsunagari.Platform;

namespace Tsunagari.Data.Demo;

/// <summary>
/// What `seed --scale` does after migrating: the reference and demo-account seeds, then the directory at the scale
/// asked for (instead of the demo seed's fixed size), its residents and their participation, then a rebuild of this node's search index from
/// the database. Everything generated is drawn from seeded generators and dated from one moment, the start of the
/// scale's <see cref="DirectoryScale.AsOf"/> date, so the same command gives the same data set.
/// </summary>
public static class SeedAtScale
{
    /// <summary>A clock that stays at the moment the data set is generated as of.</summary>
    private sealed class AsOf(DateTimeOffset moment) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => moment;
    }

    /// <summary>0 when loaded; 1 when the database already has a directory (only an empty one is seeded at scale).</summary>
    public static async Task<int> RunAsync(IServiceProvider services, DirectoryScale scale, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(scale);
        ArgumentNullException.ThrowIfNull(output);
        int searchable;
        await using (var scope = services.CreateAsyncScope())
        {
            foreach (var seed in scope.ServiceProvider.GetServices<ISeed>())
                if (seed is not DemoDirectory) await seed.RunAsync();

            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var existing = await db.Organizations.CountAsync(cancellationToken);
            if (existing > 0)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"The database already has {existing} organizations; nothing loaded. Seed at scale into an empty database."));
                return scale == DirectoryScale.Demo ? 0 : 1;
            }

            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow(), JapanTime.Zone).DateTime);
            var asOf = scale.AsOf ?? today;
            var clock = new AsOf(JourneyRules.StartOfDay(asOf));
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Generating as of {asOf:yyyy-MM-dd} (--as-of {asOf:yyyy-MM-dd} gives the same data again)."));
            var loaded = await ActivatorUtilities.CreateInstance<LoadDirectory>(scope.ServiceProvider, clock).RunAsync(scale, output, cancellationToken);
            if (loaded is null)
            {
                await output.WriteLineAsync("No directory loaded: the prefecture has no municipalities or the demo accounts are missing.");
                return 1;
            }
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Loaded {loaded.Organizations} organizations and {loaded.Opportunities} opportunities in {loaded.Elapsed.TotalSeconds:F1} s."));
            if (scale.Residents > 0)
            {
                var residents = await ActivatorUtilities.CreateInstance<LoadResidents>(scope.ServiceProvider, clock).RunAsync(scale.Residents, output, cancellationToken);
                if (residents is null)
                {
                    await output.WriteLineAsync("No residents loaded: the Resident role is missing.");
                    return 1;
                }
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"Loaded {residents.Residents} residents in {residents.Elapsed.TotalSeconds:F1} s."));
                if (scale.ParticipationCount > 0)
                {
                    var participation = await ActivatorUtilities.CreateInstance<LoadParticipation>(scope.ServiceProvider, clock).RunAsync(scale.ParticipationCount, output, cancellationToken);
                    if (participation is null)
                    {
                        await output.WriteLineAsync("No participation loaded: the demo organization admin is missing.");
                        return 1;
                    }
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"Loaded {participation.SignUps} participation records ({participation.PastOpportunities} past opportunities, {participation.Profiles} profiles, {participation.Members} members, {participation.HoursReports} hours reports, {participation.Journeys} journeys) in {participation.Elapsed.TotalSeconds:F1} s."));
                    var rebuild = Stopwatch.StartNew();
                    var counted = await Features.Insights.Dashboards.DashboardPeople.RebuildAsync(db, cancellationToken);
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Regional dashboards: {counted} people counted in {rebuild.Elapsed.TotalSeconds:F1} s."));
                }
            }
            var figures = Stopwatch.StartNew();
            await Features.Insights.Dashboards.DashboardOrganizationFigures.RefreshAsync(db, clock.GetUtcNow(), cancellationToken);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Regional dashboards: organization and money figures in {figures.Elapsed.TotalSeconds:F1} s."));
            searchable = loaded.Organizations + await db.Opportunities.CountAsync(o => o.Status == OpportunityStatus.Published, cancellationToken);
        }

        // A missing index is rebuilt when opened, which covers the load; one already open follows the outbox. Either way,
        // an index left over from another database (its checkpoint past this outbox) is caught by the count and rebuilt.
        var watch = Stopwatch.StartNew();
        var index = services.GetRequiredService<SearchIndex>();
        await index.CatchUpAsync(cancellationToken);
        if (await index.CountAsync(cancellationToken) != searchable) await index.RebuildAsync(cancellationToken);
        var documents = await index.CountAsync(cancellationToken);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Search index ready: {documents} documents in {watch.Elapsed.TotalSeconds:F1} s."));
        return 0;
    }
}
