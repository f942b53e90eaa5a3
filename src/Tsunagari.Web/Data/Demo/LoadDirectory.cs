using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tsunagari.Features.Organizations;
using Tsunagari.Features.Regions;
using Tsunagari.Platform;

namespace Tsunagari.Data.Demo;

/// <summary>
/// Loads a generated directory (<see cref="DemoDirectory"/>) of any <see cref="DirectoryScale"/> into an empty database:
/// in batches with the change tracker cleared between them, so memory stays flat at prefecture scale, and in one
/// transaction, so a failed load leaves nothing half-written. The search outbox gets a row per entity as for any save;
/// callers rebuild the index afterwards rather than replaying them one by one.
/// </summary>
public sealed class LoadDirectory(AppDbContext db, Japan japan, IOptions<TsunagariOptions> options, TimeProvider clock)
{
    /// <summary>Rows per SaveChanges: large enough to amortize round trips, small enough to keep the tracker cheap.</summary>
    public const int BatchSize = 2_000;

    public sealed record Loaded(int Organizations, int Opportunities, TimeSpan Elapsed);

    /// <summary>Null when there is nothing to load into: no such prefecture, or no demo organization admin to found the organizations.</summary>
    public async Task<Loaded?> RunAsync(DirectoryScale scale, TextWriter progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scale);
        ArgumentNullException.ThrowIfNull(progress);
        var prefecture = japan.Prefecture(options.Value.Prefecture);
        if (prefecture is null || prefecture.Municipalities.Count == 0) return null;
        var founder = await db.Users.Where(u => u.Email == "orgadmin@example.jp").Select(u => (Guid?)u.Id).SingleOrDefaultAsync(cancellationToken);
        var verifier = await db.Users.Where(u => u.Email == "coordinator@example.jp").Select(u => (Guid?)u.Id).SingleOrDefaultAsync(cancellationToken);
        if (founder is null) return null;

        var watch = Stopwatch.StartNew();
        var random = new Random(options.Value.DemoSeed);
        // Ids of their own generator, so that they do not change what else is drawn.
        var ids = new Random(options.Value.DemoSeed + 4);
        var now = clock.GetUtcNow();
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var organizations = new List<Organization>(scale.Organizations);
            foreach (var batch in DemoDirectory.MakeOrganizations(random, prefecture, scale, founder.Value, verifier, now).Chunk(BatchSize))
            {
                foreach (var organization in batch) SeededIds.Give(organization, ids);
                db.Organizations.AddRange(batch);
                await SaveAsync(cancellationToken);
                organizations.AddRange(batch);
                Report(progress, "organizations", organizations.Count, scale.Organizations, watch);
            }
            var opportunities = 0;
            foreach (var batch in DemoDirectory.MakeOpportunities(random, organizations, scale.Opportunities, now).Chunk(BatchSize))
            {
                foreach (var opportunity in batch) SeededIds.Give(opportunity, ids);
                db.Opportunities.AddRange(batch);
                await SaveAsync(cancellationToken);
                opportunities += batch.Length;
                Report(progress, "opportunities", opportunities, scale.Opportunities, watch);
            }
            await transaction.CommitAsync(cancellationToken);
            // Fresh statistics for the query planner: without them SQLite reads opportunities by the status index rather
            // than by id, which makes every batch of the index rebuild scan the whole table (minutes at this scale).
            await db.Database.ExecuteSqlRawAsync("ANALYZE", cancellationToken);
            return new(organizations.Count, opportunities, watch.Elapsed);
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private static void Report(TextWriter progress, string what, int done, int total, Stopwatch watch)
    {
        // About twenty lines per phase, whatever the scale.
        var step = Math.Max(BatchSize, total / 20 / BatchSize * BatchSize);
        if (done % step != 0 && done != total) return;
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what} {done}/{total} ({watch.Elapsed.TotalSeconds:F1} s)"));
    }
}
