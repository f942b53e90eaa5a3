using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Store;
using Lucene.Net.Util;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Tsunagari.Features.Search;

/// <summary>
/// The Lucene index in one folder: writes, searches with facet counts and highlighting. Knows nothing of the database,
/// so the benchmark uses it as it is. Thread-safe: one writer, searchers from a <see cref="SearcherManager"/>.
/// </summary>
public sealed class TextIndex : IDisposable
{
    private readonly LuceneDirectory directory;
    private readonly IndexWriter writer;
    private readonly SearcherManager searchers;
    private long generation;

    public JapaneseAnalyzer Analyzer { get; } = new();

    /// <summary>Moves on after every commit, once searches see it: a result of one generation is the same until the next.</summary>
    public long Generation => Interlocked.Read(ref generation);

    private TextIndex(string path, bool create)
    {
        directory = FSDirectory.Open(new DirectoryInfo(path));
        var config = new IndexWriterConfig(JapaneseAnalyzer.Version, Analyzer) { OpenMode = create ? OpenMode.CREATE : OpenMode.CREATE_OR_APPEND };
        writer = new IndexWriter(directory, config);
        if (create) CommitWrites();
        searchers = new SearcherManager(writer, true, null);
    }

    /// <summary>Opens the index in the folder; <paramref name="needsRebuild"/> when it was missing or unreadable and is now empty.</summary>
    public static TextIndex Open(string path, out bool needsRebuild)
    {
        System.IO.Directory.CreateDirectory(path);
        needsRebuild = !IsReadable(path);
        if (needsRebuild)
        {
            // Start from an empty folder: whatever is there cannot be trusted.
            foreach (var file in System.IO.Directory.GetFiles(path)) File.Delete(file);
        }
        return new TextIndex(path, needsRebuild);
    }

    private static bool IsReadable(string path)
    {
        try
        {
            using var dir = FSDirectory.Open(new DirectoryInfo(path));
            if (!DirectoryReader.IndexExists(dir)) return false;
            using var reader = DirectoryReader.Open(dir);
            // Opening reads only part of the files: postings or norms of a segment cut short by a crash or a bad disk go
            // unnoticed until a search needs them. Every file's checksum is read once, on start (the index is small).
            foreach (var leaf in reader.Leaves) leaf.AtomicReader.CheckIntegrity();
            // An index written with other fields or analysis would answer wrongly: it is rebuilt like a broken one.
            return reader.IndexCommit.UserData.TryGetValue(SchemaKey, out var schema) && schema == SchemaVersion;
        }
        catch (Exception e) when (e is IOException or CorruptIndexException or IndexFormatTooOldException or IndexFormatTooNewException or InvalidOperationException or ArgumentException)
        {
            return false;
        }
    }

    public void Put(SearchItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        writer.UpdateDocument(new Term(SearchFields.Id, item.Id.ToString("D")), item.ToDocument());
    }

    public void Delete(Guid id) => writer.DeleteDocuments(new Term(SearchFields.Id, id.ToString("D")));

    public void DeleteOpportunitiesOf(Guid organizationId)
    {
        var query = new BooleanQuery
        {
            { new TermQuery(new Term(SearchFields.OrganizationId, organizationId.ToString("D"))), Occur.MUST },
            { new TermQuery(new Term(SearchFields.Type, SearchFields.Opportunity)), Occur.MUST },
        };
        writer.DeleteDocuments(query);
    }

    public void DeleteAll() => writer.DeleteAll();

    /// <summary>Makes the writes durable and visible to searches.</summary>
    public void Commit()
    {
        CommitWrites();
        searchers.MaybeRefreshBlocking();
        Interlocked.Increment(ref generation);
    }

    /// <summary>Every commit names the schema it was written with (see <see cref="SchemaVersion"/>).</summary>
    private void CommitWrites()
    {
        writer.SetCommitData(new Dictionary<string, string>(writer.CommitData ?? new Dictionary<string, string>(), StringComparer.Ordinal) { [SchemaKey] = SchemaVersion });
        writer.Commit();
    }

    /// <summary>
    /// Commits with the id of the last search change the index now reflects, and when: stored in the commit itself, so the
    /// index and its position in the outbox can never disagree, even after a crash.
    /// </summary>
    public void Commit(long checkpoint, DateTimeOffset at)
    {
        writer.SetCommitData(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [CheckpointKey] = checkpoint.ToString(CultureInfo.InvariantCulture),
            [CheckpointAtKey] = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        });
        Commit();
    }

    /// <summary>The last search change reflected in the index and when it was committed; null for an index without one.</summary>
    public (long Id, DateTimeOffset At)? Checkpoint =>
        writer.CommitData is { } data
        && data.TryGetValue(CheckpointKey, out var id) && data.TryGetValue(CheckpointAtKey, out var at)
            ? (long.Parse(id, CultureInfo.InvariantCulture), DateTimeOffset.FromUnixTimeSeconds(long.Parse(at, CultureInfo.InvariantCulture)))
            : null;

    private const string CheckpointKey = "tsunagari.checkpoint";
    private const string CheckpointAtKey = "tsunagari.checkpointAt";
    private const string SchemaKey = "tsunagari.schema";

    /// <summary>Raise it whenever documents or analysis change: nodes then rebuild their index from the database on start.</summary>
    public const string SchemaVersion = "2";

    public int Count()
    {
        var searcher = searchers.Acquire();
        try { return searcher.IndexReader.NumDocs; }
        finally { searchers.Release(searcher); }
    }

    /// <summary>Runs <paramref name="read"/> on the current searcher (for readers such as recommendations that scan the index themselves).</summary>
    public T Read<T>(Func<IndexSearcher, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var searcher = searchers.Acquire();
        try { return read(searcher); }
        finally { searchers.Release(searcher); }
    }

    public SearchResult Search(SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (lucene, text) = Build(query);
        var searcher = searchers.Acquire();
        try
        {
            var maxDoc = Math.Max(1, searcher.IndexReader.MaxDoc);
            var wanted = (long)query.Page * query.PageSize;
            // A page past every document is empty whatever the query: count only.
            var beyond = wanted - query.PageSize >= maxDoc;
            var n = beyond ? 1 : (int)Math.Min(wanted, maxDoc);
            var sort = query.Sort switch
            {
                SearchSort.Relevance when text is not null => null,
                SearchSort.Newest => new Sort(new SortField(SearchFields.Newest, SortFieldType.INT64, true)),
                _ => new Sort(new SortField(SearchFields.Next, SortFieldType.INT64)),
            };
            ITopDocsCollector top = sort is null
                ? TopScoreDocCollector.Create(n, true)
                : TopFieldCollector.Create(sort, n, null, true, false, false, false);
            var facets = query.CountFacets ? new FacetCollector(SearchFields.Facets) : null;
            searcher.Search(lucene, facets is null ? top : MultiCollector.Wrap((ICollector)top, facets));
            var topDocs = top.GetTopDocs();
            var items = new List<SearchHit>();
            if (!beyond)
            {
                var highlighter = text is null ? default : Highlighters(text);
                for (var i = (query.Page - 1) * query.PageSize; i < topDocs.ScoreDocs.Length; i++)
                    items.Add(Hit(searcher.Doc(topDocs.ScoreDocs[i].Doc), highlighter));
            }
            return new SearchResult(topDocs.TotalHits, query.Page, query.PageSize, items, facets?.Counts() ?? new Dictionary<string, IReadOnlyList<FacetCount>>(StringComparer.Ordinal));
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    /// <summary>
    /// The whole query, and its words alone (null without any) for highlighting. Every word must occur in the catch-all
    /// field (one conjunction of its bigrams: cheap to run); a word in the title or the organization's name only adds to
    /// the score, as optional clauses that are read just for the documents that already match.
    /// </summary>
    private (Query Query, Query? Text) Build(SearchQuery query)
    {
        var root = new BooleanQuery { { new ConstantScoreQuery(TypeFilter(query.Type)), Occur.MUST } };
        BooleanQuery? text = null;
        foreach (var word in query.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var terms = Analyzer.Terms(SearchFields.All, word);
            if (terms.Count == 0) continue;
            root.Add(AllTerms(SearchFields.All, terms, 1f), Occur.MUST);
            if (query.Sort == SearchSort.Relevance)
            {
                root.Add(AllTerms(SearchFields.Title, terms, 3f), Occur.SHOULD);
                root.Add(AllTerms(SearchFields.Organization, terms, 0.5f), Occur.SHOULD);
            }
            text ??= [];
            foreach (var term in terms)
            {
                text.Add(new TermQuery(new Term(SearchFields.Title, term)), Occur.SHOULD);
                text.Add(new TermQuery(new Term(SearchFields.Description, term)), Occur.SHOULD);
            }
        }
        if (query.Municipalities.Count > 0)
        {
            var any = new BooleanQuery();
            foreach (var code in query.Municipalities) any.Add(new TermQuery(new Term(SearchFields.Municipality, code)), Occur.SHOULD);
            root.Add(Filter(any), Occur.MUST);
        }
        AddTerm(root, SearchFields.Field, query.Field?.ToString(CultureInfo.InvariantCulture));
        AddTerm(root, SearchFields.Way, query.Way);
        AddTerm(root, SearchFields.Kind, query.Kind);
        AddTerm(root, SearchFields.Access, query.Access);
        if (query.Online == true) AddTerm(root, SearchFields.Online, "true");
        if (query.Online == false) root.Add(new TermQuery(new Term(SearchFields.Online, "true")), Occur.MUST_NOT);
        if (query.From is not null || query.To is not null)
        {
            int? from = query.From is { } f ? SearchItem.DayNumber(f) : null;
            int? to = query.To is { } t ? SearchItem.DayNumber(t) : null;
            root.Add(Filter(NumericRangeQuery.NewInt32Range(SearchFields.Day, from, to, true, true)), Occur.MUST);
        }
        return (root, text);
    }

    private static BooleanQuery AllTerms(string field, IEnumerable<string> terms, float boost)
    {
        var all = new BooleanQuery { Boost = boost };
        foreach (var term in terms) all.Add(new TermQuery(new Term(field, term)), Occur.MUST);
        return all;
    }

    /// <summary>
    /// The documents of a type, kept per segment: every search has this clause, and building it matched half the index
    /// each time. Cached bit sets follow the segments (a new segment is read once, a merged one is dropped).
    /// </summary>
    private Filter TypeFilter(string type) =>
        typeFilters.GetOrAdd(type, t => new CachingWrapperFilter(new QueryWrapperFilter(new TermQuery(new Term(SearchFields.Type, t)))));

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Filter> typeFilters = new(StringComparer.Ordinal);

    private static void AddTerm(BooleanQuery root, string field, string? value)
    {
        if (!string.IsNullOrEmpty(value)) root.Add(Filter(new TermQuery(new Term(field, value))), Occur.MUST);
    }

    /// <summary>A clause that restricts and adds the same score to every match (a zero boost would make the query norm infinite).</summary>
    private static ConstantScoreQuery Filter(Query query) => new(query);

    /// <summary>
    /// Marks the query's words (their bigrams) in a hit's title and description. A term scorer takes the terms once per
    /// search; the span-aware QueryScorer re-read the whole query, filters included, for every hit.
    /// </summary>
    private static (Highlighter Title, Highlighter Snippet) Highlighters(Query text)
    {
        var formatter = new SimpleHTMLFormatter("<mark>", "</mark>");
        var encoder = new TextEncoder();
        var title = new Highlighter(formatter, encoder, new QueryTermScorer(text, SearchFields.Title)) { TextFragmenter = new NullFragmenter() };
        var snippet = new Highlighter(formatter, encoder, new QueryTermScorer(text, SearchFields.Description))
        {
            TextFragmenter = new SimpleFragmenter(120),
            // The snippet comes from the start of a long description: analysing all of it for every hit is not worth it.
            MaxDocCharsToAnalyze = 4000,
        };
        return (title, snippet);
    }

    private SearchHit Hit(Lucene.Net.Documents.Document doc, (Highlighter Title, Highlighter Snippet) highlighter)
    {
        var title = doc.Get(SearchFields.Title, CultureInfo.InvariantCulture) ?? "";
        var description = doc.Get(SearchFields.Description, CultureInfo.InvariantCulture) ?? "";
        var titleHtml = highlighter.Title is null ? null : highlighter.Title.GetBestFragment(Analyzer, SearchFields.Title, title);
        var snippetHtml = highlighter.Snippet is null ? null : highlighter.Snippet.GetBestFragment(Analyzer, SearchFields.Description, description);
        return new SearchHit(
            Guid.Parse(doc.Get(SearchFields.Id, CultureInfo.InvariantCulture)),
            doc.Get(SearchFields.Type, CultureInfo.InvariantCulture),
            title,
            titleHtml ?? WebUtility.HtmlEncode(title),
            snippetHtml ?? WebUtility.HtmlEncode(description.Length > 120 ? description[..120] + "…" : description),
            doc.Get(SearchFields.Organization, CultureInfo.InvariantCulture) ?? "",
            Guid.Parse(doc.Get(SearchFields.OrganizationId, CultureInfo.InvariantCulture)),
            doc.GetValues(SearchFields.Municipality, CultureInfo.InvariantCulture),
            [.. doc.GetValues(SearchFields.Field, CultureInfo.InvariantCulture).Select(f => int.Parse(f, CultureInfo.InvariantCulture))],
            doc.GetValues(SearchFields.Way, CultureInfo.InvariantCulture),
            doc.Get(SearchFields.Kind, CultureInfo.InvariantCulture) ?? "",
            doc.GetValues(SearchFields.Access, CultureInfo.InvariantCulture),
            doc.Get(SearchFields.Online, CultureInfo.InvariantCulture) is not null,
            Time(doc, SearchFields.Start),
            Time(doc, SearchFields.End),
            doc.GetField(SearchFields.Verified)?.GetInt32Value() == 1);
    }

    private static DateTimeOffset? Time(Lucene.Net.Documents.Document doc, string field) =>
        doc.GetField(field)?.GetInt64Value() is { } ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    public void Dispose()
    {
        searchers.Dispose();
        writer.Dispose();
        Analyzer.Dispose();
        directory.Dispose();
    }

    /// <summary>Escapes markup only; SimpleHTMLEncoder would turn every Japanese character into a numeric entity.</summary>
    private sealed class TextEncoder : IEncoder
    {
        public string EncodeText(string originalText) => WebUtility.HtmlEncode(originalText);
    }

    /// <summary>
    /// Counts the facet values of every match, segment by segment, from arrays read once per segment (Lucene.Net.Facet is
    /// not available).
    /// </summary>
    private sealed class FacetCollector(string[] fields) : ICollector
    {
        private readonly Dictionary<string, Dictionary<string, int>> totals = fields.ToDictionary(f => f, _ => new Dictionary<string, int>(StringComparer.Ordinal), StringComparer.Ordinal);
        private readonly int[][] counts = new int[fields.Length][];
        private SegmentFacets? segment;

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context)
        {
            Flush();
            segment = SegmentFacets.Of(context.AtomicReader, fields);
            for (var i = 0; i < fields.Length; i++) counts[i] = new int[segment.Keys[i].Length];
        }

        public void Collect(int doc)
        {
            var facets = segment!;
            for (var i = 0; i < counts.Length; i++)
            {
                var (starts, ords, field) = (facets.Starts[i], facets.Ords[i], counts[i]);
                for (var j = starts[doc]; j < starts[doc + 1]; j++) field[ords[j]]++;
            }
        }

        private void Flush()
        {
            if (segment is null) return;
            for (var i = 0; i < fields.Length; i++)
            {
                var total = totals[fields[i]];
                for (var ord = 0; ord < counts[i].Length; ord++)
                {
                    if (counts[i][ord] == 0) continue;
                    var key = segment.Keys[i][ord];
                    total[key] = total.GetValueOrDefault(key) + counts[i][ord];
                }
            }
            segment = null;
        }

        public Dictionary<string, IReadOnlyList<FacetCount>> Counts()
        {
            Flush();
            return totals.ToDictionary(
                t => t.Key,
                t => (IReadOnlyList<FacetCount>)[.. t.Value.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => new FacetCount(c.Key, c.Value))],
                StringComparer.Ordinal);
        }
    }

    /// <summary>
    /// One segment's facet values as plain arrays: for field i, document d has the ordinals Ords[i][Starts[i][d]..Starts[i][d + 1]],
    /// named by Keys[i]. Reading Lucene's compressed doc values for every match cost more than the search itself; a
    /// segment never changes (deletions aside, which are never collected), so this is read once and kept with the
    /// segment's core: a refresh reads only the new segments.
    /// </summary>
    private sealed class SegmentFacets
    {
        private static readonly ConditionalWeakTable<object, SegmentFacets> Cache = [];

        public required int[][] Starts { get; init; }
        public required int[][] Ords { get; init; }
        public required string[][] Keys { get; init; }

        public static SegmentFacets Of(AtomicReader reader, string[] fields) => Cache.GetValue(reader.CoreCacheKey, _ => Read(reader, fields));

        private static SegmentFacets Read(AtomicReader reader, string[] fields)
        {
            var (starts, ords, keys) = (new int[fields.Length][], new int[fields.Length][], new string[fields.Length][]);
            var term = new BytesRef();
            for (var i = 0; i < fields.Length; i++)
            {
                starts[i] = new int[reader.MaxDoc + 1];
                if (reader.GetSortedSetDocValues(SearchFields.FacetField(fields[i])) is not { } values)
                {
                    (ords[i], keys[i]) = ([], []);
                    continue;
                }
                var all = new List<int>(reader.MaxDoc);
                for (var doc = 0; doc < reader.MaxDoc; doc++)
                {
                    starts[i][doc] = all.Count;
                    values.SetDocument(doc);
                    for (var ord = values.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = values.NextOrd()) all.Add((int)ord);
                }
                starts[i][reader.MaxDoc] = all.Count;
                ords[i] = [.. all];
                keys[i] = new string[values.ValueCount];
                for (var ord = 0; ord < keys[i].Length; ord++)
                {
                    values.LookupOrd(ord, term);
                    keys[i][ord] = term.Utf8ToString();
                }
            }
            return new SegmentFacets { Starts = starts, Ords = ords, Keys = keys };
        }
    }
}
