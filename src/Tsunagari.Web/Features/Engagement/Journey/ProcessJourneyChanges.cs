using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tsunagari.Data;

namespace Tsunagari.Features.Engagement.Journeys;

/// <summary>
/// Applies the journey's outbox and re-evaluates the journeys that time alone can change. Safe on several nodes: a batch
/// is claimed by deleting its rows in the transaction that stores the result, so a node that finds some rows already
/// gone rolls back and leaves them to the node that took them.
/// </summary>
public sealed class ProcessJourneyChanges(AppDbContext db, UpdateJourneys update, IOptions<JourneyOptions> options, TimeProvider clock)
{
    /// <summary>Processes outbox rows until none are left (or <paramref name="maxBatches"/> rounds); returns how many were processed.</summary>
    public async Task<int> RunAsync(int maxBatches = int.MaxValue, CancellationToken cancellationToken = default)
    {
        var processed = 0;
        for (var round = 0; round < maxBatches; round++)
        {
            var batch = await db.JourneyChanges.AsNoTracking().OrderBy(c => c.Id).Take(Math.Max(1, options.Value.BatchSize))
                .Select(c => new { c.Id, c.AccountId, c.OrganizationId }).ToListAsync(cancellationToken);
            if (batch.Count == 0) break;
            var ids = batch.Select(c => c.Id).ToList();
            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                // The exact ids, never a range: on PostgreSQL a row with a smaller id can commit after a larger one.
                var claimed = await db.JourneyChanges.Where(c => ids.Contains(c.Id)).ExecuteDeleteAsync(cancellationToken);
                if (claimed != ids.Count)
                {
                    await transaction.RollbackAsync(cancellationToken);
                    continue;
                }
                await update.UpdateAsync(batch.Select(c => (c.AccountId, c.OrganizationId)), cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            processed += batch.Count;
        }
        return processed;
    }

    /// <summary>
    /// Journeys whose 定着 can change with no new record: those rooted now (they drop out as quarters pass), and those
    /// whose minimum tenure was completed in the last <paramref name="lookBack"/> (they may become rooted). Run daily;
    /// the look-back covers days the job missed. Old indicator snapshots are removed with it.
    /// </summary>
    public async Task<int> ReevaluateRootedAsync(TimeSpan lookBack, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var tenureEnd = now.AddMonths(-settings.RootedMinimumTenureMonths);
        var tenureStart = tenureEnd - lookBack;
        var windowStart = JourneyRules.QuarterStart(JourneyRules.Quarter(now) - settings.RootedQuarterWindow + 1);
        var pairs = await db.Journeys.AsNoTracking()
            .Where(j => j.Stage == JourneyStage.Rooted
                || (j.FirstActivityAt > tenureStart && j.FirstActivityAt <= tenureEnd && j.LastActivityAt >= windowStart && j.Activities >= settings.RootedActiveQuarters))
            .Select(j => new { j.AccountId, j.OrganizationId })
            .ToListAsync(cancellationToken);
        await update.UpdateAsync(pairs.Select(p => (p.AccountId, p.OrganizationId)), cancellationToken);
        await IndicatorSnapshots.RemoveOldAsync(db, now, cancellationToken);
        return pairs.Count;
    }
}
