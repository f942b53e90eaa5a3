using System.Net;
using BenchmarkDotNet.Attributes;
using Tsunagari.Features.Opportunities;

namespace Tsunagari.Benchmarks.Features.Opportunities;

/// <summary>
/// The opportunity page's own work, which the profile of the page under wrk showed as its largest parts after the
/// queries: the dates of a recurring opportunity (Ical.Net; since then computed once per page instead of three times) and
/// the description's Markdown, rendered and sanitized (since then kept). The baseline is the description only
/// HTML-encoded, what showing it would cost without Markdown.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PerCallConfig))]
public class OpportunityPageBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 10, 0, 0, TimeSpan.FromHours(9));

    // A description as organizations write them: a lead, a list, a link, about 600 characters.
    private const string Description = """
        **海岸清掃（ビーチクリーン）**に参加しませんか。砂浜のごみを拾い、集めたごみの種類を記録します。
        集めた記録は[海ごみ調査](https://example.jp/umigomi)として県に報告され、次の対策に生かされます。

        - 集合：午前9時、海浜公園の管理棟前
        - 持ち物：帽子、飲み物、汚れてもよい靴
        - 軍手・ごみ袋・トングは用意します

        小学生以下のお子さんは保護者と一緒に参加してください。雨天の場合は前日の17時までにこのページでお知らせします。
        初めての方も、ひとりでの参加も歓迎です。終了後は希望者で浜辺の生き物観察をします。
        """;

    private string description = "";
    private Opportunity weekly = null!;
    private Opportunity monthly = null!;

    [GlobalSetup]
    public void Setup()
    {
        description = Description;
        weekly = Make("FREQ=WEEKLY;BYDAY=SA");
        monthly = Make("FREQ=MONTHLY;BYDAY=1SU");
    }

    private static Opportunity Make(string rule) =>
        new(Guid.NewGuid(), new OpportunityDetails("海岸清掃", Description, [7], [1], "121002", false, "海浜公園", "千葉市美浜区",
            35.6, 140.1, Now.AddDays(-90), Now.AddDays(-90).AddHours(2), rule, [], 20, null, null,
            "info@example.jp", "043-000-0000", ["ja"], null, null, AccessibilityFeatures.None), Now.AddDays(-100));

    [Benchmark(Baseline = true, Description = "Description HTML-encoded (baseline)")]
    public string Encoded() => WebUtility.HtmlEncode(description);

    [Benchmark(Description = "Description: Markdown rendered and sanitized")]
    public string Markdown() => MarkdownHtml.SafeHtml(description);

    [Benchmark(Description = "Description: the rendered HTML, kept")]
    public string MarkdownKept() => MarkdownHtml.Render(description).ToString()!;

    [Benchmark(Description = "Next 20 Saturdays of a weekly rule")]
    public int WeeklyOccurrences() => Recurrence.Occurrences(weekly, Now, Now.AddYears(1), 20).Count;

    [Benchmark(Description = "Next 20 first Sundays of a monthly rule")]
    public int MonthlyOccurrences() => Recurrence.Occurrences(monthly, Now, Now.AddYears(2), 20).Count;

    [Benchmark(Description = "The rule parsed alone")]
    public bool Parse() => Recurrence.Parse(weekly.RecurrenceRule) is not null;
}
