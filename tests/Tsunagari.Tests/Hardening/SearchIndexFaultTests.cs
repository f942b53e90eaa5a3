using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Lucene.Net.Index;
using Lucene.Net.Util;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Tsunagari.Features.Search;
using Tsunagari.Tests.Features.Search;

namespace Tsunagari.Tests.Hardening;

/// <summary>
/// The search index fails: deleted while the node is stopped, it is rebuilt on start; unwritable while the node runs, the
/// changes it could not take are indexed from the change table on a later poll once the folder is back, never lost.
/// An index of an older schema is rebuilt on start too, and so is one a crash or a disk fault left broken: a segment file cut
/// short, a segment file gone while the commit still names it, a folder emptied. (A garbage commit file is covered by
/// SearchTests.Another_host_rebuilds_a_corrupt_index….)
/// </summary>
public sealed class SearchIndexFaultTests(TestApp app) : IClassFixture<TestApp>
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task An_index_deleted_while_the_node_was_stopped_is_rebuilt_on_start()
    {
        var org = await SearchData.OrganizationAsync(app, "削除の会");
        await SearchData.OpportunityAsync(app, org.Id, SearchData.Details("削除テスト", DateTimeOffset.UtcNow.AddDays(2)));
        var folder = Path.Combine(app.DataDirectory, "node2");
        using (var node = Node(folder))
            Assert.True(await FindsWithinAsync(node, "/api/v1/opportunities?q=削除テスト"), "the node did not find the opportunity");
        var index = Path.Combine(folder, "search");
        Assert.NotEmpty(Directory.GetFiles(index));

        Directory.Delete(index, recursive: true);
        using (var node = Node(folder))
            Assert.True(await FindsWithinAsync(node, "/api/v1/opportunities?q=削除テスト"), "the restarted node did not rebuild its deleted index");
    }

    [Fact]
    public async Task An_index_written_with_another_schema_is_rebuilt_on_start()
    {
        var org = await SearchData.OrganizationAsync(app, "版の会");
        await SearchData.OpportunityAsync(app, org.Id, SearchData.Details("版テスト", DateTimeOffset.UtcNow.AddDays(2)));
        var folder = Path.Combine(app.DataDirectory, "node3");
        using (var node = Node(folder))
            Assert.True(await FindsWithinAsync(node, "/api/v1/opportunities?q=版テスト"), "the node did not find the opportunity");

        // As an older version of the app would have left it: the same checkpoint, another schema, no documents.
        using (var analyzer = new JapaneseAnalyzer())
        using (var dir = Lucene.Net.Store.FSDirectory.Open(new DirectoryInfo(Path.Combine(folder, "search"))))
        using (var writer = new IndexWriter(dir, new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer)))
        {
            var data = new Dictionary<string, string>(writer.CommitData, StringComparer.Ordinal) { ["tsunagari.schema"] = "1" };
            writer.DeleteAll();
            writer.SetCommitData(data);
            writer.Commit();
        }

        using (var node = Node(folder))
            Assert.True(await FindsWithinAsync(node, "/api/v1/opportunities?q=版テスト"), "the restarted node kept an index of another schema");
    }

    public enum Fault { SegmentTruncated, MergedSegmentTruncated, SegmentDeleted, FolderEmptied }

    [Theory]
    [InlineData(Fault.SegmentTruncated)]
    [InlineData(Fault.MergedSegmentTruncated)]
    [InlineData(Fault.SegmentDeleted)]
    [InlineData(Fault.FolderEmptied)]
    public async Task An_index_broken_while_the_node_was_stopped_is_rebuilt_on_start(Fault fault)
    {
        var org = await SearchData.OrganizationAsync(app, $"故障{(int)fault}の会");
        var title = $"故障{(int)fault}テスト";
        await SearchData.OpportunityAsync(app, org.Id, SearchData.Details(title, DateTimeOffset.UtcNow.AddDays(2)));
        var folder = Path.Combine(app.DataDirectory, $"node-{fault}");
        using (var node = Node(folder))
            Assert.True(await FindsWithinAsync(node, $"/api/v1/opportunities?q={title}"), "the node did not find the opportunity");
        var index = Path.Combine(folder, "search");
        Assert.True(IsClean(index), "the index the node left was already broken");

        switch (fault)
        {
            case Fault.SegmentTruncated:
                // The node's segment is one compound file; a crash mid-write or a bad disk leaves it cut short.
                CutInHalf(LargestSegmentFile(index));
                break;
            case Fault.MergedSegmentTruncated:
                // Merges leave large segments as separate files, some read only when a search needs them: the postings here.
                MergeIntoSeparateFiles(index);
                CutInHalf(Assert.Single(Directory.GetFiles(index, "*.doc")));
                break;
            case Fault.SegmentDeleted:
                File.Delete(LargestSegmentFile(index));
                break;
            case Fault.FolderEmptied:
                foreach (var file in Directory.GetFiles(index)) File.Delete(file);
                break;
        }
        Assert.False(IsClean(index), "the fault did not break the index");

        await SearchData.CatchUpAsync(app);
        var expected = await app.Services.GetRequiredService<SearchIndex>().CountAsync();
        using (var node = Node(folder))
        {
            Assert.True(await FindsWithinAsync(node, $"/api/v1/opportunities?q={title}"), $"the restarted node did not rebuild its index ({fault})");
            Assert.True(await FindsWithinAsync(node, $"/api/v1/organizations?q=故障{(int)fault}の会"), $"the rebuilt index lacks the organization ({fault})");
            // Everything, not just what was searched for: as many documents as the first node's index, which was never broken.
            Assert.Equal(expected, await node.Services.GetRequiredService<SearchIndex>().CountAsync());
        }
        Assert.True(IsClean(index), $"the index was not rebuilt whole ({fault})");
    }

    /// <summary>The largest file of the last commit's segments (segments_N, the commit itself, is left alone).</summary>
    private static string LargestSegmentFile(string folder) =>
        Directory.GetFiles(folder)
            .Where(f => !Path.GetFileName(f).StartsWith("segments", StringComparison.Ordinal) && Path.GetFileName(f) != "write.lock")
            .OrderByDescending(f => new FileInfo(f).Length).First();

    private static void CutInHalf(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Write);
        stream.SetLength(stream.Length / 2);
    }

    /// <summary>Rewrites the index as one segment of separate files, as a merge does, keeping the node's checkpoint and schema.</summary>
    private static void MergeIntoSeparateFiles(string folder)
    {
        using var analyzer = new JapaneseAnalyzer();
        using var dir = Lucene.Net.Store.FSDirectory.Open(new DirectoryInfo(folder));
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer) { UseCompoundFile = false, MergePolicy = new TieredMergePolicy { NoCFSRatio = 0 } };
        using var writer = new IndexWriter(dir, config);
        writer.SetCommitData(new Dictionary<string, string>(writer.CommitData, StringComparer.Ordinal));
        writer.ForceMerge(1);
        writer.Commit();
    }

    /// <summary>Lucene's own check of every file of the last commit (checksums included); an empty folder is no index.</summary>
    private static bool IsClean(string folder)
    {
        using var dir = Lucene.Net.Store.FSDirectory.Open(new DirectoryInfo(folder));
        if (!DirectoryReader.IndexExists(dir)) return false;
        var check = new CheckIndex(dir);
        return check.DoCheckIndex().Clean;
    }

    [Fact]
    public async Task A_change_the_index_could_not_take_is_indexed_on_a_later_poll_once_the_cause_is_gone()
    {
        var org = await SearchData.OrganizationAsync(app, "障害の会");
        await SearchData.OpportunityAsync(app, org.Id, SearchData.Details("障害前テスト", DateTimeOffset.UtcNow.AddDays(2)));
        Assert.True(await FindsWithinAsync(app, "/api/v1/opportunities?q=障害前テスト"), "the background indexer did not index the first change");

        // The folder is taken away and a file stands in its place: every write and reopen of the index fails (as root,
        // where permissions would not stop anything).
        var index = Path.Combine(app.DataDirectory, "search");
        var moved = index + ".away";
        Directory.Move(index, moved);
        await File.WriteAllTextAsync(index, "not a folder");
        try
        {
            await SearchData.OpportunityAsync(app, org.Id, SearchData.Details("障害中テスト", DateTimeOffset.UtcNow.AddDays(2)));
            await SearchData.OrganizationAsync(app, "障害中の会");
            await Task.Delay(TimeSpan.FromSeconds(3)); // several polls (1 s apart) fail
        }
        finally
        {
            File.Delete(index);
            Directory.Move(moved, index);
        }

        Assert.True(await FindsWithinAsync(app, "/api/v1/opportunities?q=障害中テスト"), "the change made during the failure was lost");
        Assert.True(await FindsWithinAsync(app, "/api/v1/organizations?q=障害中の会"), "the organization made during the failure was lost");
        Assert.True(await FindsWithinAsync(app, "/api/v1/opportunities?q=障害前テスト"), "what was indexed before the failure was lost");
    }

    /// <summary>Another node: its own data folder (and index), the same database.</summary>
    private WebApplicationFactory<Program> Node(string folder) => app.WithWebHostBuilder(b =>
    {
        b.UseSetting("Tsunagari:DataDirectory", folder);
        if (!TestApp.OnPostgres) b.UseSetting("ConnectionStrings:Tsunagari", $"Data Source={Path.Combine(app.DataDirectory, "tsunagari.db")}");
    });

    private static async Task<bool> FindsWithinAsync(WebApplicationFactory<Program> node, string url)
    {
        var client = node.CreateClient();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Limit)
        {
            var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.OK)
            {
                using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                if (json.RootElement.GetProperty("total").GetInt32() > 0) return true;
            }
            await Task.Delay(100);
        }
        return false;
    }
}
