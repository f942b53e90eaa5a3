using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.Engagement;
using Tsunagari.Platform;

namespace Tsunagari.Features.Insights.Dashboards;

/// <summary>
/// Keeps the people measures of the regional dashboards: incrementally, for the people whose journeys were just
/// recomputed (called by <c>UpdateJourneys.UpdateAsync</c> in its transaction, and when a person's data is erased), and
/// in full by <see cref="RebuildAsync"/> after a bulk load. Each person's last contribution is stored, so an update
/// subtracts the old figures and adds the new ones; the figures always equal the sum of the stored contributions.
/// </summary>
public static class DashboardPeople
{
    /// <summary>People per batch: within the databases' parameter lists, large enough to amortise a query.</summary>
    public const int BatchSize = 2000;

    /// <summary>Recomputes the contributions of the given people and moves the figures by the difference.</summary>
    public static async Task UpdateAsync(AppDbContext db, IEnumerable<Guid> accountIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = accountIds.Distinct().ToList();
        if (ids.Count == 0) return;
        // Journeys recomputed outside a transaction (the daily re-evaluation) still move figures and contributions together.
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await using (own)
        {
            foreach (var chunk in ids.Chunk(BatchSize)) await UpdateBatchAsync(db, chunk, cancellationToken);
            if (own is not null) await own.CommitAsync(cancellationToken);
        }
    }

    private static async Task UpdateBatchAsync(AppDbContext db, Guid[] ids, CancellationToken cancellationToken)
    {
        var fresh = await ComputeAsync(db, ids, cancellationToken);
        var old = await db.DashboardContributions.AsNoTracking().Where(c => ids.Contains(c.AccountId)).ToListAsync(cancellationToken);
        var delta = new Dictionary<FigureKey, decimal>();
        foreach (var contribution in old) PersonFigures.Accumulate(delta, contribution, -1);
        foreach (var contribution in fresh) PersonFigures.Accumulate(delta, contribution, +1);
        // Deleting exactly the rows read proves no other node changed these people meanwhile; otherwise the transaction
        // fails and the journey's outbox retries it.
        var deleted = await db.DashboardContributions.Where(c => ids.Contains(c.AccountId)).ExecuteDeleteAsync(cancellationToken);
        if (deleted != old.Count) throw new DbUpdateConcurrencyException("The dashboard contributions of these people changed meanwhile.");
        db.DashboardContributions.AddRange(fresh);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        await ApplyAsync(db, delta.Where(d => d.Value != 0), cancellationToken);
    }

    /// <summary>Adds each difference to its figure in the database (atomically, as other nodes add to the same rows); figures back at zero are removed.</summary>
    private static async Task ApplyAsync(AppDbContext db, IEnumerable<KeyValuePair<FigureKey, decimal>> deltas, CancellationToken cancellationToken)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in deltas)
        {
            codes.Add(key.MunicipalityCode);
            var changed = await db.RegionalFigures
                .Where(f => f.MunicipalityCode == key.MunicipalityCode && f.Measure == key.Measure && f.Key == key.Key && f.Quarter == key.Quarter)
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.Value, f => f.Value + value), cancellationToken);
            if (changed == 0) db.RegionalFigures.Add(new RegionalFigure(key.MunicipalityCode, key.Measure, key.Key, key.Quarter, value));
        }
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        if (codes.Count == 0) return;
        var measures = RegionalMeasures.People;
        await db.RegionalFigures.Where(f => codes.Contains(f.MunicipalityCode) && measures.Contains(f.Measure) && f.Value == 0).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>The current contributions of the given people (none for a person without a journey), from a few queries per batch.</summary>
    public static async Task<List<DashboardContribution>> ComputeAsync(AppDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var journeys = (await db.Journeys.AsNoTracking().Where(j => ids.Contains(j.AccountId))
            .Select(j => new { j.AccountId, j.MunicipalityCode, j.Activities, j.Stage }).ToListAsync(cancellationToken))
            .ToLookup(j => j.AccountId, j => new PersonFigures.JourneyFact(j.MunicipalityCode, j.Activities, j.Stage));
        var reached = (await db.StageTransitions.AsNoTracking().Where(t => ids.Contains(t.AccountId))
            .Select(t => new { t.AccountId, t.To }).Distinct().ToListAsync(cancellationToken))
            .ToLookup(t => t.AccountId, t => t.To);
        var attended = await db.SignUps.AsNoTracking().Where(s => ids.Contains(s.AccountId) && s.CheckedInAt != null)
            .Select(s => new { s.AccountId, s.CheckedInAt, s.Hours }).ToListAsync(cancellationToken);
        var reported = await db.HoursReports.AsNoTracking().Where(r => ids.Contains(r.AccountId) && r.Status == HoursReportStatus.Approved)
            .Select(r => new { r.AccountId, r.Date, r.Hours }).ToListAsync(cancellationToken);
        var activities = attended.Select(s => (s.AccountId, Fact: new PersonFigures.ActivityFact(RegionalFigure.QuarterOf(JapanTime.Date(s.CheckedInAt!.Value)), s.Hours ?? 0)))
            .Concat(reported.Select(r => (r.AccountId, Fact: new PersonFigures.ActivityFact(RegionalFigure.QuarterOf(r.Date), r.Hours))))
            .ToLookup(a => a.AccountId, a => a.Fact);
        var result = new List<DashboardContribution>();
        foreach (var id in ids)
        {
            var contribution = PersonFigures.Contribution(id, [.. journeys[id]], reached[id], activities[id]);
            if (contribution is not null) result.Add(contribution);
        }
        return result;
    }

    /// <summary>
    /// Computes every person's contribution again from the records, in batches, and replaces all contributions and people
    /// figures in one transaction (readers see the old figures until it commits). For after a bulk load, a change of the
    /// stage thresholds, or a start-up that finds no figures. Returns the number of people counted.
    /// </summary>
    public static async Task<int> RebuildAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var people = await db.Journeys.AsNoTracking().Select(j => j.AccountId).Distinct().ToListAsync(cancellationToken);
        people.Sort();
        var totals = new Dictionary<FigureKey, decimal>();
        var measures = RegionalMeasures.People;
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            // Within a caller's transaction when there is one (a journey recomputation in bulk).
            await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            await db.DashboardContributions.ExecuteDeleteAsync(cancellationToken);
            await db.RegionalFigures.Where(f => measures.Contains(f.Measure)).ExecuteDeleteAsync(cancellationToken);
            foreach (var chunk in people.Chunk(BatchSize))
            {
                var contributions = await ComputeAsync(db, chunk, cancellationToken);
                foreach (var contribution in contributions) PersonFigures.Accumulate(totals, contribution, +1);
                db.DashboardContributions.AddRange(contributions);
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
            foreach (var chunk in totals.Where(t => t.Value != 0).Chunk(BatchSize))
            {
                db.RegionalFigures.AddRange(chunk.Select(t => new RegionalFigure(t.Key.MunicipalityCode, t.Key.Measure, t.Key.Key, t.Key.Quarter, t.Value)));
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
            if (transaction is not null) await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
        return people.Count;
    }
}
