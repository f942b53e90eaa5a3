using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Tsunagari.Features.Search;

namespace Tsunagari.Benchmarks.Features.Search;

/// <summary>
/// In-process search with facets over one index of 200,000 opportunities and 50,000 organizations (issue 3: p95 ≤ 15 ms
/// for 2-character and multi-word queries). Every <see cref="TextIndex.Search"/> counts the facets over all its matches
/// and highlights its page, so the baseline is a bare Lucene term query for 20 hits on the same index, without either.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PerCallConfig))]
public class SearchBenchmarks
{
    public const int OpportunityCount = 200_000;
    public const int OrganizationCount = 50_000;

    private TextIndex index = null!;
    private FSDirectory directory = null!;
    private DirectoryReader reader = null!;
    private IndexSearcher bare = null!;

    /// <summary>
    /// Building the index takes about a minute on 2 cores and every benchmark runs in a process of its own, so the first
    /// builds it and the others reuse it. The folder is named after the builds of TextIndex and of this project (their
    /// module ids change with their code), so a change to how items are indexed or made up builds a new index.
    /// </summary>
    [GlobalSetup]
    public void Setup()
    {
        var clock = Stopwatch.StartNew();
        var root = Path.Combine(Path.GetTempPath(), "tsunagari-bench-search");
        var name = $"search-{typeof(TextIndex).Module.ModuleVersionId:N}-{typeof(SearchBenchmarks).Module.ModuleVersionId:N}";
        var folder = Path.Combine(root, name);
        if (System.IO.Directory.Exists(root))
            foreach (var stale in System.IO.Directory.GetDirectories(root).Where(d => !string.Equals(Path.GetFileName(d), name, StringComparison.Ordinal)))
                System.IO.Directory.Delete(stale, recursive: true);
        index = TextIndex.Open(folder, out _);
        if (index.Count() != OpportunityCount + OrganizationCount)
        {
            index.DeleteAll();
            var data = new SyntheticDirectory(20260601);
            foreach (var item in data.Organizations(OrganizationCount)) index.Put(item);
            foreach (var item in data.Opportunities(OpportunityCount)) index.Put(item);
            index.Commit();
            // Closing waits for the background merges: every benchmark then searches the same segments.
            index.Dispose();
            index = TextIndex.Open(folder, out _);
        }
        directory = FSDirectory.Open(folder);
        reader = DirectoryReader.Open(directory);
        bare = new IndexSearcher(reader);
        Console.WriteLine($"// {index.Count():N0} items in {reader.Leaves.Count} segments, ready in {clock.Elapsed.TotalSeconds:N1} s");
    }

    [Benchmark(Baseline = true, Description = "Term query, top 20, no facets (baseline)")]
    public int TermWithoutFacets() => bare.Search(new TermQuery(new Term(SearchFields.Way, "weekend")), 20).TotalHits;

    [Benchmark(Description = "「環境」 opportunities, facets")]
    public int TwoCharacters() => index.Search(new SearchQuery { Text = "環境" }).Total;

    [Benchmark(Description = "「福祉」 organizations, facets")]
    public int TwoCharactersOrganizations() => index.Search(new SearchQuery { Type = SearchFields.OrganizationType, Text = "福祉" }).Total;

    [Benchmark(Description = "「千葉 子育て 講座」 opportunities, facets")]
    public int MultiWord() => index.Search(new SearchQuery { Text = "千葉 子育て 講座" }).Total;

    [Benchmark(Description = "「千葉 子育て 講座」 + 千葉市 + 週末, by date")]
    public int MultiWordFiltered() => index.Search(new SearchQuery
    {
        Text = "千葉 子育て 講座",
        Municipalities = ["121002"],
        Way = "weekend",
        Sort = SearchSort.Date,
    }).Total;

    [Benchmark(Description = "「千葉 環境 ネットワーク」 organizations, NPO, facets")]
    public int MultiWordOrganizations() => index.Search(new SearchQuery { Type = SearchFields.OrganizationType, Text = "千葉 環境 ネットワーク", Kind = "Npo" }).Total;

    [GlobalCleanup]
    public void Cleanup()
    {
        reader.Dispose();
        directory.Dispose();
        index.Dispose();
    }
}
