using Tsunagari.Features.Search;

namespace Tsunagari.Tests.Features.Search;

public sealed class JapaneseAnalyzerTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "tsunagari-tests", Guid.NewGuid().ToString("N"));
    private readonly TextIndex index;

    public JapaneseAnalyzerTests()
    {
        index = TextIndex.Open(folder, out _);
        var titles = new[] { "里山の環境保全ボランティア", "NPOの会計講座", "カタカナ教室", "子育て広場", "ふくし相談会" };
        foreach (var title in titles)
            index.Put(new SearchItem(Guid.NewGuid(), SearchFields.Opportunity, title, "", "団体", Guid.NewGuid(), ["121002"], [1], ["casual-try"], "Npo", [], false, [], null, null, 0, DateTimeOffset.UtcNow, false));
        index.Commit();
    }

    [Theory]
    [InlineData("環境", "里山の環境保全ボランティア")]
    [InlineData("環境保全", "里山の環境保全ボランティア")]
    [InlineData("ＮＰＯ", "NPOの会計講座")]
    [InlineData("npo", "NPOの会計講座")]
    [InlineData("カタカナ", "カタカナ教室")]
    [InlineData("ｶﾀｶﾅ", "カタカナ教室")]
    [InlineData("子育", "子育て広場")]
    [InlineData("子育て", "子育て広場")]
    [InlineData("ﾎﾞﾗﾝﾃｨｱ", "里山の環境保全ボランティア")]
    public void Finds_by_two_characters_full_width_and_half_width_input(string query, string title)
    {
        var result = index.Search(new SearchQuery { Text = query });
        Assert.Equal(title, Assert.Single(result.Items).Title);
        Assert.Contains("<mark>", result.Items[0].TitleHtml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"環境")]
    [InlineData("AND OR (")]
    [InlineData("環境 AND OR (")]
    [InlineData("title:*")]
    public void Query_syntax_is_plain_text(string query)
    {
        var result = index.Search(new SearchQuery { Text = query });
        Assert.True(result.Total <= 1);
    }

    [Fact]
    public void Text_outside_the_matches_is_escaped()
    {
        var id = Guid.NewGuid();
        index.Put(new SearchItem(id, SearchFields.Opportunity, "<script>環境</script>", "", "団体", Guid.NewGuid(), [], [], [], "", [], false, [], null, null, 0, DateTimeOffset.UtcNow, false));
        index.Commit();
        var hit = index.Search(new SearchQuery { Text = "script 環境" }).Items.Single(h => h.Id == id);
        Assert.DoesNotContain("<script>", hit.TitleHtml, StringComparison.Ordinal);
        Assert.Contains("<mark>環境</mark>", hit.TitleHtml, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        index.Dispose();
        System.IO.Directory.Delete(folder, recursive: true);
    }
}
