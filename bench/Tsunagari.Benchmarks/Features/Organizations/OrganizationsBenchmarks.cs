using System.Net;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Tsunagari.Features.Organizations;
using Tsunagari.Features.Regions;

namespace Tsunagari.Benchmarks.Features.Organizations;

/// <summary>
/// The organization page's own work on every view (the busiest page after search: its description's Markdown rendered
/// and sanitized, and its JSON-LD), and what every registration or edit, by page or API, runs: the profile validated and
/// normalized (corporate number from full-width with hyphens, municipality codes, e-mail, phone, website, and the ways to
/// help read from the seeded SQLite database, <see cref="BenchApp"/>). The baseline is the description only HTML-encoded,
/// what showing it would cost without Markdown, as for the opportunity page.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessPerCallConfig))]
public class OrganizationsBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 10, 0, 0, TimeSpan.FromHours(9));

    // A description as an NPO writes one: a lead, headings, lists, a table of the year, links; about 900 characters.
    private const string Description = """
        **NPO法人 千葉環境ネットワーク**は、千葉市・船橋市・柏市の干潟、里山、川辺を守る市民の団体です。
        2009年に海岸清掃の有志の集まりとして始まり、いまは会員320人、年間の参加者は延べ4,000人を超えました。
        行政や企業、学校と協力して、[ちば環境情報センター](https://example.jp/center)とともに調査と保全に取り組んでいます。

        ## 私たちの活動

        - **干潟の清掃と生き物調査**：毎月第2日曜日、谷津干潟と三番瀬で。ごみの種類と量、カニや貝の数を記録します。
        - **里山の手入れ**：竹林の整備、草刈り、炭焼き。冬は毎週土曜日に活動しています。
        - **川の水質調査**：花見川と手賀沼の12地点で、年4回。結果は[年次報告](https://example.jp/report)で公開します。
        - **環境学習**：小中学校への出前授業（年30回ほど）と、夏休みの親子自然観察会。

        ## 年間の予定

        | 時期 | 活動 | 場所 |
        |---|---|---|
        | 4〜6月 | 干潟の生き物調査、田植え | 谷津干潟、柏市の谷津田 |
        | 7〜8月 | 親子自然観察会、海岸清掃 | 三番瀬、稲毛海浜公園 |
        | 9〜11月 | 水質調査、稲刈り、どんぐり拾い | 花見川、手賀沼 |
        | 12〜3月 | 竹林整備、炭焼き、報告会 | 泉自然公園 |

        ## 参加するには

        どなたでも参加できます。初めての方は、まず月に一度の**干潟の清掃**にお越しください。
        道具はすべて用意します。動きやすい服装と、汚れてもよい靴、帽子、飲み物をお持ちください。
        小学生以下のお子さんは保護者と一緒に参加してください。雨天の場合は前日の17時までにこのページでお知らせします。

        > 「毎月通ううちに、干潟の季節の変化がわかるようになりました。」（参加して3年の会員）

        ## 寄付・協賛のお願い

        調査機材や保険料は会費と寄付でまかなっています。企業の皆さまの協賛、社員の皆さまのボランティア参加も歓迎します。
        詳しくは事務局（平日10時〜17時）までお問い合わせください：info@example.jp
        """;

    private string description = "";
    private string longest = "";
    private Organization organization = null!;
    private Japan japan = null!;
    private OrganizationInput input = null!;
    private string corporateNumber = "";

    [GlobalSetup]
    public void Setup()
    {
        description = Description;
        // The longest description the profile allows (Organization.MaxDescriptionLength), as the same text repeated.
        longest = string.Concat(Enumerable.Repeat(Description + "\n\n", Organization.MaxDescriptionLength / Description.Length + 1))[..Organization.MaxDescriptionLength];
        japan = Japan.Shared;

        // A valid 法人番号 (check digit over twelve digits), typed as people paste it: full-width, with hyphens.
        var twelve = "700110005901";
        var number = $"{CorporateNumber.CheckDigit(twelve)}{twelve}";
        var fullWidth = new string([.. number.Select(c => (char)(c + 0xFEE0))]);
        corporateNumber = $"{fullWidth[..1]}－{fullWidth[1..5]}－{fullWidth[5..9]}－{fullWidth[9..]}";

        input = new OrganizationInput
        {
            Name = "NPO法人 千葉環境ネットワーク",
            Kana = "えぬぴーおーほうじん ちばかんきょうねっとわーく",
            Kind = "Npo",
            LegalForm = "NpoCorporation",
            CorporateNumber = corporateNumber,
            Municipalities = ["121002", "122041", "122173"],
            Fields = [7, 13, 19],
            Mission = "干潟と里山と川辺を、次の世代に手渡す。",
            Description = Description,
            Founded = new DateOnly(2009, 4, 1),
            ContactEmail = "info@example.jp",
            ContactPhone = "０４３－２１２－３４５６",
            Website = "https://example.jp/chiba-kankyo",
            WaysToHelp = [1, 3, 7],
        };
        var result = Validate().GetAwaiter().GetResult();
        if (!result.IsValid) throw new InvalidOperationException("The benchmark's profile is invalid: " + string.Join("; ", result.Errors.SelectMany(e => e.Value)));
        organization = new Organization(result.Profile!, Guid.NewGuid(), Now.AddYears(-3));
        Console.WriteLine($"// description {description.Length:N0} characters, longest {longest.Length:N0}; corporate number {result.Profile!.CorporateNumber}");
    }

    [Benchmark(Baseline = true, Description = "Description HTML-encoded (baseline)")]
    public string Encoded() => WebUtility.HtmlEncode(description);

    [Benchmark(Description = "Description: Markdown rendered and sanitized (every page view)")]
    public string Markdown() => RenderMarkdown.ToSafeHtml(description);

    [Benchmark(Description = "Longest description (20,000 characters): Markdown rendered and sanitized")]
    public string MarkdownLongest() => RenderMarkdown.ToSafeHtml(longest);

    [Benchmark(Description = "JSON-LD for search engines (every page view)")]
    public string JsonLd() => OrganizationJsonLd.For(organization, "https://tsunagari.example.jp/organizations/" + organization.Id, null, japan);

    [Benchmark(Description = "Corporate number: full-width normalized, check digit")]
    public bool CorporateNumberChecked() => CorporateNumber.IsValid(ValidateOrganization.NormalizeCorporateNumber(corporateNumber));

    [Benchmark(Description = "Profile validated and normalized, ways read (registration, edit, API)")]
    public async Task<bool> Validated() => (await Validate()).IsValid;

    private async Task<ValidateOrganization.Result> Validate()
    {
        await using var scope = BenchApp.Request();
        return await scope.ServiceProvider.GetRequiredService<ValidateOrganization>().RunAsync(input, CancellationToken.None);
    }
}
