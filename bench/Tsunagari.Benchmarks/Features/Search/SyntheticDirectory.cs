using Tsunagari.Features.Opportunities;
using Tsunagari.Features.Organizations;
using Tsunagari.Features.Regions;
using Tsunagari.Features.Search;

namespace Tsunagari.Benchmarks.Features.Search;

/// <summary>
/// Organizations and opportunities of 千葉県 as the index holds them, made up but shaped like the real ones (names such as
/// 「NPO法人 千葉環境ネットワーク」, municipalities with their parent city, fields, ways). The same seed gives the same data.
/// </summary>
internal sealed class SyntheticDirectory(int seed)
{
    public const string Chiba = "120006";

    private static readonly (string Word, string Kana)[] Subjects =
    [
        ("環境", "かんきょう"), ("福祉", "ふくし"), ("子育て", "こそだて"), ("まちづくり", "まちづくり"), ("防災", "ぼうさい"),
        ("国際交流", "こくさいこうりゅう"), ("文化", "ぶんか"), ("スポーツ", "すぽーつ"), ("高齢者", "こうれいしゃ"), ("食品ロス", "しょくひんろす"),
        ("里山", "さとやま"), ("海岸", "かいがん"), ("読書", "どくしょ"), ("子ども食堂", "こどもしょくどう"), ("障がい者", "しょうがいしゃ"),
        ("観光", "かんこう"), ("農業", "のうぎょう"), ("見守り", "みまもり"), ("学習支援", "がくしゅうしえん"), ("動物愛護", "どうぶつあいご"),
    ];

    private static readonly string[] Actions = ["ボランティア", "清掃活動", "講座", "相談会", "ワークショップ", "見守り活動", "イベント", "勉強会", "交流会", "体験会", "説明会", "運営スタッフ募集"];
    private static readonly string[] Suffixes = ["ネットワーク", "の会", "支援センター", "クラブ", "協議会", "プロジェクト", "サポーターズ", "ラボ"];
    private static readonly string[] Towns = ["本町", "栄町", "緑町", "若葉", "旭町", "中央", "新田", "東町"];
    private static readonly string[] Ways = [.. DefaultWays.All.Select(w => w.Key)];
    private static readonly string[] Access = [.. Enum.GetValues<AccessibilityFeatures>().Where(f => f != AccessibilityFeatures.None).Select(f => f.ToString())];

    /// <summary>Weights of the kinds: mostly NPOs and neighbourhood associations, as in the prefecture's registers.</summary>
    private static readonly OrganizationKind[] Kinds =
    [
        .. Enumerable.Repeat(OrganizationKind.Npo, 10), .. Enumerable.Repeat(OrganizationKind.NeighbourhoodAssociation, 5),
        OrganizationKind.Company, OrganizationKind.Company, OrganizationKind.SocialBusiness, OrganizationKind.EducationalInstitution,
        OrganizationKind.Government, OrganizationKind.RegionalFinancialInstitution,
    ];

    /// <summary>Municipalities and the wards of 千葉市, each with the codes the index holds (a ward also under its city) and a short place name.</summary>
    public static readonly Place[] Places = [.. Japan.Shared.Prefecture(Chiba)!.Municipalities
        .SelectMany(m => m.Wards.Count == 0 ? [new Place([m.Code], Short(m.Name), m.Kana)] : m.Wards.Select(w => new Place([w.Code, m.Code], Short(m.Name), m.Kana)))];

    private static readonly DateTimeOffset Start = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly Random random = new(seed);
    private readonly List<(Guid Id, string Name, OrganizationKind Kind, Place Place, bool Verified)> organizations = [];

    public static string Short(string name) => name.Length > 2 ? name[..^1] : name;

    public IEnumerable<SearchItem> Organizations(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var place = Pick(Places);
            var (subject, kana) = Pick(Subjects);
            var kind = Pick(Kinds);
            var name = kind switch
            {
                OrganizationKind.Npo => $"{Pick(["NPO法人 ", "一般社団法人 ", "認定NPO法人 ", ""])}{place.Name}{subject}{Pick(Suffixes)}",
                OrganizationKind.NeighbourhoodAssociation => $"{place.Name}{Pick(Towns)}{random.Next(1, 6)}丁目{Pick(["自治会", "町会", "町内会"])}",
                OrganizationKind.Company => $"株式会社{place.Name}{Pick(["建設", "食品", "電機", "印刷", "不動産"])}",
                OrganizationKind.SocialBusiness => $"合同会社 {subject}ラボ{place.Name}",
                OrganizationKind.EducationalInstitution => $"{place.Name}{Pick(["市立第一小学校", "高等学校", "大学 ボランティアサークル"])}",
                OrganizationKind.Government => $"{place.Name} 市民活動推進課",
                _ => $"{place.Name}信用金庫",
            };
            var organization = (Id: NewId(), Name: name, Kind: kind, Place: place, Verified: random.Next(3) > 0);
            organizations.Add(organization);
            var description = $"{place.Name}を拠点に{subject}と{Pick(Subjects).Word}に取り組んでいます。{Sentence(place)}";
            yield return new SearchItem(organization.Id, SearchFields.OrganizationType, $"{name} {place.Kana}{kana}", description, name, organization.Id,
                place.Codes, Fields(), Some(Ways, 3), kind.ToString(), [], false, [], null, null, long.MaxValue,
                Start.AddDays(-random.Next(3000)), organization.Verified);
        }
    }

    /// <summary>Opportunities of the organizations made so far (call <see cref="Organizations"/> first).</summary>
    public IEnumerable<SearchItem> Opportunities(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var organization = organizations[random.Next(organizations.Count)];
            var place = random.Next(10) < 7 ? organization.Place : Pick(Places);
            var subject = Pick(Subjects).Word;
            var action = Pick(Actions);
            var title = random.Next(2) == 0 ? $"{place.Name}の{subject}{action}" : $"【{place.Name}】{subject}{action}（{Pick(["初心者歓迎", "親子で参加", "オンライン可", "週末"])}）";
            var description = $"{subject}について学び、{Pick(Subjects).Word}の{Pick(Actions)}に参加します。{Sentence(place)}持ち物：飲み物、動きやすい服装。";
            var first = Start.AddDays(random.Next(180)).AddHours(random.Next(9, 19));
            var days = Enumerable.Range(0, random.Next(1, 4)).Select(d => SearchItem.DayNumber(DateOnly.FromDateTime(first.AddDays(d * 7).Date))).ToList();
            yield return new SearchItem(NewId(), SearchFields.Opportunity, title, description, organization.Name, organization.Id,
                place.Codes, Fields(), Some(Ways, 3), organization.Kind.ToString(), random.Next(4) == 0 ? Some(Access, 2) : [],
                random.Next(10) == 0, days, first, first.AddHours(2), first.UtcTicks, first.AddDays(-random.Next(1, 60)), organization.Verified);
        }
    }

    private string Sentence(Place place) => Pick([
        "千葉県内で活動しています。",
        "初めての方も歓迎します。お気軽にご参加ください。",
        "地域の皆さんと一緒に、できることから始めています。",
        $"活動場所は{place.Name}駅から徒歩10分の公民館です。",
    ]);

    private int[] Fields() => [.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => random.Next(1, FieldsOfActivity.Count + 1)).Distinct()];

    private string[] Some(string[] values, int most) => [.. Enumerable.Range(0, random.Next(1, most + 1)).Select(_ => Pick(values)).Distinct(StringComparer.Ordinal)];

    private T Pick<T>(T[] values) => values[random.Next(values.Length)];

    private Guid NewId()
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    /// <summary>A place as the index and the text hold it.</summary>
    public sealed record Place(string[] Codes, string Name, string Kana);
}
