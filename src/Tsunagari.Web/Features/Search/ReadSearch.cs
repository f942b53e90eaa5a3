using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Tsunagari.Features.Opportunities;
using Tsunagari.Features.Organizations;
using Tsunagari.Features.Regions;
using Tsunagari.Platform;
using Tsunagari.Resources;

namespace Tsunagari.Features.Search;

/// <summary>
/// Turns URL parameters into a <see cref="SearchQuery"/>. The page ignores what it cannot use and says so (notices);
/// the API reports the same problems as errors (a 400).
/// </summary>
public sealed class ReadSearch(ListGroupings listGroupings, ListWays listWays, IOptions<TsunagariOptions> options, TimeProvider time, IStringLocalizer<SharedResource> l)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public sealed record Outcome(SearchQuery Query, IReadOnlyList<string> Notices, IReadOnlyDictionary<string, string[]> Errors);

    public async Task<Outcome> RunAsync(SearchParameters p, string? forcedType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(p);
        var notices = new List<string>();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Problem(string key, string message)
        {
            notices.Add(message);
            errors[key] = [message];
        }

        var type = forcedType ?? (p.Type is "organizations" ? SearchFields.OrganizationType : SearchFields.Opportunity);
        var municipalities = new List<string>();
        if (!string.IsNullOrWhiteSpace(p.Municipality))
        {
            if (Japan.Shared.Municipality(p.Municipality.Trim()) is { } m) municipalities.Add(m.Code);
            else Problem("municipality", l["市区町村「{0}」は見つからないため、この条件は使っていません。", p.Municipality]);
        }
        if (!string.IsNullOrWhiteSpace(p.Grouping))
        {
            var groupings = await listGroupings.RunAsync(options.Value.Prefecture, cancellationToken);
            var grouping = Guid.TryParse(p.Grouping, out var id) ? groupings.FirstOrDefault(g => g.Id == id) : null;
            if (grouping is null) Problem("grouping", l["地域区分「{0}」は見つからないため、この条件は使っていません。", p.Grouping]);
            else if (municipalities.Count == 0) municipalities.AddRange(grouping.MunicipalityCodes);
        }
        int? field = null;
        if (!string.IsNullOrWhiteSpace(p.Field))
        {
            if (int.TryParse(p.Field, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && FieldsOfActivity.IsDefined(number)) field = number;
            else Problem("field", l["活動分野「{0}」は見つからないため、この条件は使っていません。", p.Field]);
        }
        string? way = null;
        if (!string.IsNullOrWhiteSpace(p.Way))
        {
            var ways = await listWays.RunAsync(cancellationToken);
            if (ways.Any(w => w.Key == p.Way)) way = p.Way;
            else Problem("way", l["関わり方「{0}」は見つからないため、この条件は使っていません。", p.Way]);
        }
        string? kind = null;
        if (!string.IsNullOrWhiteSpace(p.Kind))
        {
            if (Enum.TryParse<OrganizationKind>(p.Kind, ignoreCase: false, out var k) && Enum.IsDefined(k) && !int.TryParse(p.Kind, CultureInfo.InvariantCulture, out _)) kind = k.ToString();
            else Problem("kind", l["団体の種類「{0}」は見つからないため、この条件は使っていません。", p.Kind]);
        }
        string? access = null;
        if (!string.IsNullOrWhiteSpace(p.Access))
        {
            if (Enum.TryParse<AccessibilityFeatures>(p.Access, ignoreCase: false, out var a) && a != AccessibilityFeatures.None && Enum.IsDefined(a) && !int.TryParse(p.Access, CultureInfo.InvariantCulture, out _)) access = a.ToString();
            else Problem("access", l["アクセシビリティ「{0}」は見つからないため、この条件は使っていません。", p.Access]);
        }
        bool? online = p.Online switch
        {
            null or "" => null,
            "true" => true,
            "false" => false,
            _ => null,
        };
        if (online is null && !string.IsNullOrEmpty(p.Online)) Problem("online", l["オンラインの指定「{0}」は true か false で指定してください。", p.Online]);

        var (from, to) = Dates(p, Problem);
        var sort = p.Sort switch
        {
            null or "" or "relevance" => SearchSort.Relevance,
            "date" => SearchSort.Date,
            "newest" => SearchSort.Newest,
            _ => (SearchSort?)null,
        };
        if (sort is null) Problem("sort", l["並び順「{0}」は使えません。relevance、date、newest のいずれかです。", p.Sort ?? ""]);

        var page = 1;
        if (!string.IsNullOrEmpty(p.Page) && (!int.TryParse(p.Page, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1))
        {
            // A number too large for an int is a page past the end, not a mistake in the URL.
            page = p.Page.All(char.IsAsciiDigit) && p.Page.TrimStart('0').Length > 0 ? int.MaxValue / MaxPageSize : 1;
            if (page == 1) Problem("page", l["ページ番号は1以上の整数で指定してください。"]);
        }
        var pageSize = DefaultPageSize;
        if (!string.IsNullOrEmpty(p.PageSize) && (!int.TryParse(p.PageSize, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > MaxPageSize))
        {
            pageSize = DefaultPageSize;
            Problem("pageSize", l["1ページの件数は1から{0}までの整数で指定してください。", MaxPageSize]);
        }

        var query = new SearchQuery
        {
            Type = type,
            Text = (p.Q ?? "").Trim(),
            Municipalities = municipalities,
            Field = field,
            Way = way,
            Kind = kind,
            Access = access,
            Online = online,
            From = from,
            To = to,
            Sort = sort ?? SearchSort.Relevance,
            Page = page,
            PageSize = pageSize,
        };
        return new Outcome(query, notices, errors);
    }

    private (DateOnly? From, DateOnly? To) Dates(SearchParameters p, Action<string, string> problem)
    {
        var today = Occurrences.JapanDate(time.GetUtcNow());
        switch (p.When)
        {
            case "today":
                return (today, today);
            case "weekend":
                var saturday = today.DayOfWeek switch
                {
                    DayOfWeek.Saturday => today,
                    DayOfWeek.Sunday => today.AddDays(-1),
                    _ => today.AddDays(((int)DayOfWeek.Saturday - (int)today.DayOfWeek + 7) % 7),
                };
                return (saturday < today ? today : saturday, saturday.AddDays(1));
            case "month":
                return (today, new DateOnly(today.Year, today.Month, DateTime.DaysInMonth(today.Year, today.Month)));
            case null or "" or "custom":
                break;
            default:
                problem("when", l["期間「{0}」は使えません。today、weekend、month、custom のいずれかです。", p.When]);
                break;
        }
        var from = Date(p.From, "from", problem);
        var to = Date(p.To, "to", problem);
        if (from is not null && to is not null && to < from)
        {
            problem("to", l["終了日は開始日以降の日付にしてください。"]);
            return (from, null);
        }
        return (from, to);
    }

    private DateOnly? Date(string? value, string key, Action<string, string> problem)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        problem(key, l["日付「{0}」は読み取れません。2026-04-01 の形で指定してください。", value]);
        return null;
    }
}
