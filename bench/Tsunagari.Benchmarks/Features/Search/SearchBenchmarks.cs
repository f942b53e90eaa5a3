using BenchmarkDotNet.Attributes;
using Tsunagari.Features.Search;

namespace Tsunagari.Benchmarks.Features.Search;

/// <summary>In-process search with facets over N synthetic opportunities (issue "Directory": p95 ≤ 15 ms at 200,000).</summary>
[MemoryDiagnoser]
public class SearchBenchmarks
{
    private static readonly string[] Subjects = ["環境", "福祉", "子育て", "まちづくり", "防災", "国際交流", "文化", "スポーツ", "高齢者", "食品ロス", "里山", "海岸", "図書館", "子ども食堂", "NPO"];
    private static readonly string[] Actions = ["ボランティア", "清掃活動", "講座", "相談会", "ワークショップ", "見守り", "イベント", "勉強会", "交流会", "体験"];
    private static readonly string[] Places = ["千葉", "船橋", "柏", "市川", "松戸", "木更津", "成田", "銚子", "館山", "佐倉"];
    private static readonly string[] Municipalities = ["121002", "122033", "122041", "122068", "122173", "122076", "122114", "122025", "122050", "122122"];
    private static readonly string[] Ways = ["casual-try", "regular", "weekend", "weekday-evening", "online", "event", "donate", "pro-bono", "family", "students"];

    private string folder = "";
    private TextIndex index = null!;

    [Params(20_000, 200_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        folder = Path.Combine(Path.GetTempPath(), "tsunagari-bench", Guid.NewGuid().ToString("N"));
        index = TextIndex.Open(folder, out _);
        var random = new Random(20260601);
        var start = new DateTimeOffset(2026, 6, 1, 1, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < N; i++)
        {
            var title = $"{Places[random.Next(Places.Length)]}の{Subjects[random.Next(Subjects.Length)]}{Actions[random.Next(Actions.Length)]}";
            var description = $"{Subjects[random.Next(Subjects.Length)]}について学び、{Subjects[random.Next(Subjects.Length)]}の{Actions[random.Next(Actions.Length)]}に参加します。";
            var day = start.AddDays(random.Next(120));
            index.Put(new SearchItem(Guid.NewGuid(), SearchFields.Opportunity, title, description, $"団体{random.Next(5000)}", Guid.NewGuid(),
                [Municipalities[random.Next(Municipalities.Length)]], [random.Next(1, 21)], [Ways[random.Next(Ways.Length)], Ways[random.Next(Ways.Length)]],
                "Npo", random.Next(4) == 0 ? ["Wheelchair"] : [], random.Next(5) == 0, [SearchItem.DayNumber(DateOnly.FromDateTime(day.Date))],
                day, day.AddHours(2), day.UtcTicks, day, false));
        }
        index.Commit();
    }

    [Benchmark(Baseline = true)]
    public int TermWithoutText() => index.Search(new SearchQuery { Way = "weekend", PageSize = 20 }).Total;

    [Benchmark]
    public int TwoCharactersWithFacets() => index.Search(new SearchQuery { Text = "環境" }).Total;

    [Benchmark]
    public int MultiWordWithFacets() => index.Search(new SearchQuery { Text = "千葉 子育て 講座" }).Total;

    [GlobalCleanup]
    public void Cleanup()
    {
        index.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}
