using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.Regions;

namespace Tsunagari.Features.Engagement.Journeys;

/// <summary>
/// Computed indicators (and an organization's funnel) kept per scope and period while the scope's version is unchanged (see
/// <see cref="IndicatorSnapshot"/>): a page reads one row, and only the first reader after a change pays for the computation.
/// </summary>
public sealed class IndicatorSnapshots(AppDbContext db, TimeProvider clock, IndicatorSnapshots.Running running)
{
    /// <summary>
    /// The computations under way on this node (a singleton): readers of the same stale scope and period wait for the one
    /// under way instead of each starting their own, which after a start or a change under load would all run at once.
    /// </summary>
    public sealed class Running
    {
        internal ConcurrentDictionary<(string Scope, DateOnly From, DateOnly To), Task<object>> Computations { get; } = new();
    }

    /// <summary>
    /// A snapshot older than this is computed again even with no recorded change: the bound for the few changes that do
    /// not pass the journeys' outbox (an organization's kind changed, a person co-organising with others deleted).
    /// </summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromHours(1);

    public static string Organization(Guid id) => "o:" + id.ToString("N");

    public static string Municipality(string code) => "m:" + code;

    /// <summary>The stored figures of the scope and period when still current, else <paramref name="compute"/>'s, stored.</summary>
    public async Task<Indicators> GetAsync(string scope, IndicatorPeriod period, Func<Task<Indicators>> compute, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        return (await GetAsync(scope, period.From, period.To, compute, cancellationToken)).Figures;
    }

    /// <summary>
    /// Figures of a scope over its whole history (an organization's funnel), kept the same way, with the scope's version:
    /// what else a page keeps about the scope is current as long as that version is.
    /// </summary>
    public Task<(T Figures, long Version)> GetAllTimeAsync<T>(string scope, Func<Task<T>> compute, CancellationToken cancellationToken) =>
        GetAsync(scope, DateOnly.MinValue, DateOnly.MaxValue, compute, cancellationToken);

    private async Task<(T Figures, long Version)> GetAsync<T>(string scope, DateOnly from, DateOnly to, Func<Task<T>> compute, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(compute);
        var now = clock.GetUtcNow();
        // The scope's version (one row per scope, none before its first change): Max says so without a row limit.
        var versions = db.IndicatorVersions.Where(v => v.Scope == scope).Select(v => (long?)v.Version);
        var found = await db.IndicatorSnapshots.Where(s => s.Scope == scope && s.From == from && s.To == to)
            .Select(s => new { Snapshot = s, Current = versions.Max() ?? 0 })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is not null && found.Snapshot.Version == found.Current && found.Snapshot.ComputedAt > now - MaxAge)
            return (JsonSerializer.Deserialize<T>(found.Snapshot.Figures)!, found.Current);
        var version = found?.Current ?? await versions.MaxAsync(cancellationToken) ?? 0;

        var key = (scope, from, to);
        var mine = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
        var underWay = running.Computations.GetOrAdd(key, mine.Task);
        if (underWay != mine.Task)
        {
            try
            {
                return ((T)await underWay.WaitAsync(cancellationToken), version);
            }
#pragma warning disable CA1031 // Whatever made that computation fail (its request was cancelled, say), this reader computes for itself.
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
            {
            }
        }
        try
        {
            var figures = await ComputeAndStoreAsync(scope, from, to, version, found?.Snapshot, compute, now, cancellationToken);
            mine.TrySetResult(figures!);
            return (figures, version);
        }
        catch (Exception e)
        {
            mine.TrySetException(e);
            throw;
        }
        finally
        {
            running.Computations.TryRemove(KeyValuePair.Create(key, mine.Task));
        }
    }

    private async Task<T> ComputeAndStoreAsync<T>(string scope, DateOnly from, DateOnly to, long version, IndicatorSnapshot? stored, Func<Task<T>> compute, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var figures = await compute();
        if (stored is null)
        {
            stored = new IndicatorSnapshot(scope, from, to);
            db.IndicatorSnapshots.Add(stored);
        }
        (stored.Version, stored.ComputedAt, stored.Figures) = (version, now, JsonSerializer.Serialize(figures));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request (or node) stored the same scope and period first: its figures are as good as these.
        }
        db.ChangeTracker.Clear();
        return figures;
    }

    /// <summary>
    /// Marks the indicators of the given organizations and municipalities (a ward's city too) as changed, in the caller's
    /// transaction. One statement per 500 scopes, in a fixed order so that two nodes do not deadlock on PostgreSQL.
    /// </summary>
    public static async Task RaiseAsync(AppDbContext db, IEnumerable<Guid> organizations, IEnumerable<string> municipalities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var codes = municipalities.Where(c => c.Length > 0).SelectMany(c => Japan.Shared.Municipality(c)?.ParentCode is { } city ? [c, city] : new[] { c });
        var scopes = organizations.Select(Organization).Concat(codes.Select(Municipality)).Distinct().Order(StringComparer.Ordinal).ToList();
        foreach (var chunk in scopes.Chunk(500))
        {
            // Only the placeholders {0}, {1}, … are put into the text; the scopes go as parameters.
            var values = string.Join(", ", chunk.Select((_, i) => $"({{{i}}}, 1)"));
#pragma warning disable EF1002
            await db.Database.ExecuteSqlRawAsync(
                $"""INSERT INTO "IndicatorVersions" ("Scope", "Version") VALUES {values} ON CONFLICT ("Scope") DO UPDATE SET "Version" = "IndicatorVersions"."Version" + 1""",
                chunk, cancellationToken);
#pragma warning restore EF1002
            // Their snapshots can no longer be read.
            await db.IndicatorSnapshots.Where(s => chunk.Contains(s.Scope)).ExecuteDeleteAsync(cancellationToken);
        }
    }

    /// <summary>Removes snapshots too old to be read (other periods, yesterday's twelve months): run daily.</summary>
    public static Task<int> RemoveOldAsync(AppDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.IndicatorSnapshots.Where(s => s.ComputedAt < now - MaxAge).ExecuteDeleteAsync(cancellationToken);
    }
}
