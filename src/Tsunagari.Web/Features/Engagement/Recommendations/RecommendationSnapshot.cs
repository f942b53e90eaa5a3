using System.Globalization;
using System.Runtime.CompilerServices;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.Opportunities;
using Tsunagari.Features.Search;

namespace Tsunagari.Features.Engagement.Recommendations;

/// <summary>
/// The open opportunities every recommendation ranks, held in memory as <see cref="OpenOpportunities"/>. Read from the
/// search index (which already knows each published opportunity's fields, ways, place, accessibility and next
/// occurrence) and rebuilt when the index changes (its reader version) or after <see cref="MaxAge"/>, when sign-up
/// counts may have moved. Segments are read once and cached with the segment (they never change), so a rebuild after a
/// small change reads only the new segment's stored fields, plus three short queries: ways, groupings, and sign-up counts
/// with their opportunities' capacities.
/// </summary>
public sealed class RecommendationSnapshot(SearchIndex index, IServiceScopeFactory scopes, TimeProvider clock) : IDisposable
{
    /// <summary>How stale participant counts may get: a new sign-up is not worth a rebuild on every request.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    public sealed record Snapshot(OpenOpportunities Open, IReadOnlyDictionary<int, WayToTakePart> Ways, long Version, DateTimeOffset At);

    private readonly SemaphoreSlim gate = new(1, 1);
    private Snapshot? current;

    public async Task<Snapshot> GetAsync(CancellationToken cancellationToken)
    {
        var version = await index.ReadAsync(s => ((DirectoryReader)s.IndexReader).Version, cancellationToken);
        if (Fresh(Volatile.Read(ref current), version) is { } fresh) return fresh;
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (Fresh(current, version) is { } built) return built;
            var snapshot = await BuildAsync(cancellationToken);
            Volatile.Write(ref current, snapshot);
            return snapshot;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Forgets the snapshot, so the next request rebuilds it (tests that add sign-ups use this).</summary>
    public void Invalidate() => Volatile.Write(ref current, null);

    public void Dispose() => gate.Dispose();

    private Snapshot? Fresh(Snapshot? snapshot, long version) =>
        snapshot is not null && snapshot.Version == version && clock.GetUtcNow() - snapshot.At < MaxAge ? snapshot : null;

    private async Task<Snapshot> BuildAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (version, rows) = await index.ReadAsync(s => (((DirectoryReader)s.IndexReader).Version, Rows(s.IndexReader, now.UtcTicks)), cancellationToken);

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ways = await db.WaysToTakePart.AsNoTracking().ToListAsync(cancellationToken);
        if (ways.Count == 0) ways = [.. DefaultWays.All];
        var wayIds = ways.ToDictionary(w => w.Key, w => w.Id, StringComparer.Ordinal);
        var groupings = await db.RegionalGroupings.AsNoTracking().OrderBy(g => g.SortOrder).Select(g => g.MunicipalityCodes).ToListAsync(cancellationToken);
        var groupingOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var g = 0; g < groupings.Count; g++)
            foreach (var code in groupings[g]) groupingOf.TryAdd(code, g);
        // Only an opportunity with confirmed sign-ups can be full, so its capacity comes with them (not 200,000 capacities).
        var signUps = await (
            from s in db.SignUps.AsNoTracking()
            where s.Status == SignUpStatus.Pending || s.Status == SignUpStatus.Confirmed
            join o in db.Opportunities on s.OpportunityId equals o.Id
            group s by new { s.OpportunityId, s.Occurrence, o.Capacity } into g
            select new { g.Key.OpportunityId, g.Key.Occurrence, g.Key.Capacity, Active = g.Count(), Confirmed = g.Count(s => s.Status == SignUpStatus.Confirmed) })
            .ToListAsync(cancellationToken);
        var participants = signUps.GroupBy(s => s.OpportunityId).ToDictionary(g => g.Key, g => g.Sum(s => s.Active));
        var confirmed = signUps.ToDictionary(s => (s.OpportunityId, s.Occurrence), s => s.Confirmed);
        var capacities = signUps.Where(s => s.Capacity is not null).GroupBy(s => s.OpportunityId).ToDictionary(g => g.Key, g => g.First().Capacity!.Value);

        var open = new OpenOpportunities(rows.Count, groupingOf);
        foreach (var row in rows)
        {
            var start = new DateTimeOffset(row.Start, TimeSpan.Zero);
            var taken = confirmed.GetValueOrDefault((row.Id, Occurrences.JapanDate(start))) + confirmed.GetValueOrDefault((row.Id, SignUp.WholeOpportunity));
            open.Add(new OpenOpportunities.Item(
                row.Id, row.Title, row.OrganizationId, row.Organization,
                row.Municipalities.Length > 0 ? row.Municipalities[0] : "", row.Municipalities.Length > 1 ? row.Municipalities[1] : null,
                row.Fields, [.. row.Ways.Select(w => wayIds.TryGetValue(w, out var id) ? id : -1)],
                row.Access, row.Online, start, new DateTimeOffset(row.End, TimeSpan.Zero),
                participants.GetValueOrDefault(row.Id),
                capacities.TryGetValue(row.Id, out var capacity) && taken >= capacity));
        }
        return new Snapshot(open, ways.ToDictionary(w => w.Id), version, now);
    }

    private sealed record Row(
        Guid Id, string Title, Guid OrganizationId, string Organization, string[] Municipalities, int[] Fields, string[] Ways,
        AccessibilityFeatures Access, bool Online, long Start, long End);

    private static readonly string[] StoredFields =
    [
        SearchFields.Type, SearchFields.Id, SearchFields.Title, SearchFields.Organization, SearchFields.OrganizationId, SearchFields.Municipality,
        SearchFields.Field, SearchFields.Way, SearchFields.Access, SearchFields.Online, SearchFields.Start, SearchFields.End,
    ];

    /// <summary>Every live opportunity whose next occurrence (as indexed) has not ended.</summary>
    private static List<Row> Rows(IndexReader reader, long nowTicks)
    {
        var rows = new List<Row>();
        foreach (var leaf in reader.Leaves)
        {
            var segment = leaf.AtomicReader;
            var live = segment.LiveDocs;
            var read = SegmentRows.Cache.GetValue(segment.CoreCacheKey, _ => SegmentRows.Read(segment));
            for (var i = 0; i < read.Docs.Length; i++)
                if ((live is null || live.Get(read.Docs[i])) && read.Rows[i].End >= nowTicks) rows.Add(read.Rows[i]);
        }
        return rows;
    }

    /// <summary>A segment's opportunities, read once: a segment never changes, deletions aside (checked on every rebuild).</summary>
    private sealed class SegmentRows
    {
        public static readonly ConditionalWeakTable<object, SegmentRows> Cache = [];

        public required int[] Docs { get; init; }
        public required Row[] Rows { get; init; }

        public static SegmentRows Read(AtomicReader segment)
        {
            var (docs, rows) = (new List<int>(), new List<Row>());
            for (var doc = 0; doc < segment.MaxDoc; doc++)
            {
                var visitor = new DocumentStoredFieldVisitor(StoredFields);
                segment.Document(doc, visitor);
                var d = visitor.Document;
                if (!string.Equals(d.Get(SearchFields.Type, CultureInfo.InvariantCulture), SearchFields.Opportunity, StringComparison.Ordinal)) continue;
                if (d.GetField(SearchFields.Start)?.GetInt64Value() is not { } start || d.GetField(SearchFields.End)?.GetInt64Value() is not { } end) continue;
                var access = AccessibilityFeatures.None;
                foreach (var key in d.GetValues(SearchFields.Access, CultureInfo.InvariantCulture))
                    if (Enum.TryParse<AccessibilityFeatures>(key, out var feature)) access |= feature;
                docs.Add(doc);
                rows.Add(new Row(
                    Guid.Parse(d.Get(SearchFields.Id, CultureInfo.InvariantCulture)),
                    d.Get(SearchFields.Title, CultureInfo.InvariantCulture) ?? "",
                    Guid.Parse(d.Get(SearchFields.OrganizationId, CultureInfo.InvariantCulture)),
                    d.Get(SearchFields.Organization, CultureInfo.InvariantCulture) ?? "",
                    d.GetValues(SearchFields.Municipality, CultureInfo.InvariantCulture),
                    [.. d.GetValues(SearchFields.Field, CultureInfo.InvariantCulture).Select(f => int.Parse(f, CultureInfo.InvariantCulture))],
                    d.GetValues(SearchFields.Way, CultureInfo.InvariantCulture),
                    access,
                    d.Get(SearchFields.Online, CultureInfo.InvariantCulture) is not null,
                    start,
                    end));
            }
            return new SegmentRows { Docs = [.. docs], Rows = [.. rows] };
        }
    }
}
