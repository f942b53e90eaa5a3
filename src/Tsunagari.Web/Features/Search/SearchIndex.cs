using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Tsunagari.Data;
using Tsunagari.Features.Opportunities;
using Tsunagari.Features.Organizations;
using Tsunagari.Platform;

namespace Tsunagari.Features.Search;

/// <summary>
/// This node's search index, kept current from the <see cref="SearchChange"/> outbox. Every node reads the outbox from
/// its own checkpoint (kept in the index's commit), so several nodes follow the same changes; rows older than
/// <see cref="Retention"/> are deleted, and a node whose checkpoint is that old rebuilds instead. Opened on first use:
/// a missing or unreadable index is rebuilt from the database. Tests call <see cref="CatchUpAsync"/> to see their writes.
/// </summary>
public sealed class SearchIndex(IServiceScopeFactory scopes, IOptions<TsunagariOptions> options, TimeProvider time, ILogger<SearchIndex> logger) : IDisposable
{
    private const int BatchSize = 500;

    /// <summary>How long processed changes stay in the outbox for nodes that are behind.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    private DateTimeOffset lastCleanup;

    private readonly SemaphoreSlim gate = new(1, 1);
    private TextIndex? index;

    /// <summary>
    /// Results by query and index generation. The home page's list and the popular searches are asked again and again
    /// between changes; Lucene's cost (sorting or counting facets over every match) is then paid once per change, not per
    /// request. A result is never older than the index it came from: a commit starts a new generation, and the old
    /// generation's entries, no longer read, are the first to go when the cache is full.
    /// </summary>
    private readonly MemoryCache results = new(new MemoryCacheOptions { SizeLimit = 2_000 });

    public async Task<SearchResult> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default)
    {
        var opened = await OpenAsync(cancellationToken);
        // Read before searching: a result of a later searcher kept under an earlier generation is only fresher.
        var key = (opened.Generation, JsonSerializer.Serialize(query));
        if (results.TryGetValue(key, out SearchResult? kept)) return kept!;
        var result = opened.Search(query);
        results.Set(key, result, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(10) });
        return result;
    }

    /// <summary>Runs <paramref name="read"/> on the index's current searcher (recommendations build their snapshot this way).</summary>
    public async Task<T> ReadAsync<T>(Func<Lucene.Net.Search.IndexSearcher, T> read, CancellationToken cancellationToken = default) =>
        (await OpenAsync(cancellationToken)).Read(read);

    /// <summary>Indexes every pending change now; returns how many changes were processed.</summary>
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken = default)
    {
        var opened = await OpenAsync(cancellationToken);
        await gate.WaitAsync(cancellationToken);
        try
        {
            var processed = 0;
            while (true)
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var checkpoint = opened.Checkpoint?.Id ?? 0;
                var changes = await db.SearchChanges.AsNoTracking().Where(c => c.Id > checkpoint).OrderBy(c => c.Id).Take(BatchSize)
                    .Select(c => new { c.Id, c.Entity, c.EntityId }).ToListAsync(cancellationToken);
                if (changes.Count == 0)
                {
                    await CleanUpAsync(db, cancellationToken);
                    return processed;
                }
                var organizations = changes.Where(c => c.Entity == nameof(Organization)).Select(c => c.EntityId).Distinct().ToList();
                var opportunities = changes.Where(c => c.Entity == nameof(Opportunity)).Select(c => c.EntityId).Distinct().ToList();
                await ApplyAsync(opened, db, organizations, opportunities, cancellationToken);
                opened.Commit(changes[^1].Id, time.GetUtcNow());
                processed += changes.Count;
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Replaces the whole index with what the database holds now.</summary>
    public async Task RebuildAsync(CancellationToken cancellationToken = default)
    {
        var opened = await OpenAsync(cancellationToken);
        await gate.WaitAsync(cancellationToken);
        try
        {
            await RebuildAsync(opened, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken = default) => (await OpenAsync(cancellationToken)).Count();

    private async Task<TextIndex> OpenAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref index) is { } open) return open;
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (index is not null) return index;
            var path = options.Value.DataPath("search");
            var opened = TextIndex.Open(path, out var needsRebuild);
            try
            {
                // Without a checkpoint, or with one older than the outbox keeps, the index may have missed changes.
                if (needsRebuild || opened.Checkpoint is not { } checkpoint || time.GetUtcNow() - checkpoint.At > Retention - TimeSpan.FromDays(1))
                {
                    logger.LogWarning("The search index in {Path} was missing, unreadable or too far behind; rebuilding it from the database.", path);
                    await RebuildAsync(opened, cancellationToken);
                }
            }
            catch
            {
                // Closed so that its write lock is released and the next use can open the index again (say after a database outage).
                opened.Dispose();
                throw;
            }
            Volatile.Write(ref index, opened);
            return opened;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task RebuildAsync(TextIndex target, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // Changes up to here are covered by the rebuild; later ones are processed after it (indexing is idempotent).
        var last = await db.SearchChanges.MaxAsync(c => (long?)c.Id, cancellationToken) ?? 0;
        target.DeleteAll();
        var load = new LoadSearchItems(db, time);
        var organizations = await db.Organizations.AsNoTracking().Select(o => o.Id).ToListAsync(cancellationToken);
        foreach (var chunk in organizations.Chunk(BatchSize))
            foreach (var item in await load.OrganizationsAsync(chunk, cancellationToken)) target.Put(item);
        var opportunities = await db.Opportunities.AsNoTracking().Where(o => o.Status == OpportunityStatus.Published).Select(o => o.Id).ToListAsync(cancellationToken);
        foreach (var chunk in opportunities.Chunk(BatchSize))
            foreach (var item in await load.OpportunitiesAsync(chunk, cancellationToken)) target.Put(item);
        target.Commit(last, time.GetUtcNow());
        if (logger.IsEnabled(LogLevel.Information))
            logger.LogInformation("Search index rebuilt: {Organizations} organizations, {Opportunities} opportunities.", organizations.Count, opportunities.Count);
    }

    /// <summary>At most hourly: drops outbox rows every node has had <see cref="Retention"/> to process.</summary>
    private async Task CleanUpAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now - lastCleanup < TimeSpan.FromHours(1)) return;
        lastCleanup = now;
        var cutoff = now - Retention;
        await db.SearchChanges.Where(c => c.ChangedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task ApplyAsync(TextIndex target, AppDbContext db, List<Guid> organizationIds, List<Guid> opportunityIds, CancellationToken cancellationToken)
    {
        var load = new LoadSearchItems(db, time);
        var organizations = await load.OrganizationsAsync(organizationIds, cancellationToken);
        foreach (var id in organizationIds.Except(organizations.Select(o => o.Id)))
        {
            target.Delete(id);
            target.DeleteOpportunitiesOf(id);
        }
        foreach (var item in organizations) target.Put(item);

        // An organization's name and kind are part of its opportunities' documents.
        var found = organizations.Select(o => o.Id).ToList();
        var ofOrganizations = await db.Opportunities.AsNoTracking().Where(o => found.Contains(o.OrganizationId)).Select(o => o.Id).ToListAsync(cancellationToken);
        var all = opportunityIds.Union(ofOrganizations).ToList();
        foreach (var chunk in all.Chunk(BatchSize))
        {
            var items = await load.OpportunitiesAsync(chunk, cancellationToken);
            foreach (var id in chunk.Except(items.Select(i => i.Id))) target.Delete(id);
            foreach (var item in items) target.Put(item);
        }
    }

    public void Dispose()
    {
        index?.Dispose();
        results.Dispose();
        gate.Dispose();
    }
}
