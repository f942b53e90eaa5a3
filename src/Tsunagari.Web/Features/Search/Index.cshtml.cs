using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Tsunagari.Features.Opportunities;
using Tsunagari.Features.Regions;
using Tsunagari.Platform;
using Tsunagari.Platform.Localization;

namespace Tsunagari.Features.Search;

/// <summary>/search: every state is the URL; with htmx only the results region is replaced.</summary>
public sealed class IndexModel(ReadSearch read, SearchIndex index, ListGroupings listGroupings, ListWays listWays, IOptions<TsunagariOptions> options) : PageModel
{
    private IReadOnlyList<WayToTakePart> ways = [];

    public SearchParameters Parameters { get; private set; } = new();
    public SearchQuery Query { get; private set; } = new();
    public SearchResult Result { get; private set; } = null!;
    public IReadOnlyList<string> Notices { get; private set; } = [];
    public IReadOnlyList<(GroupingSummary? Grouping, IReadOnlyList<FacetCount> Counts)> MunicipalityFacets { get; private set; } = [];

    public bool Organizations => Query.Type == SearchFields.OrganizationType;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Parameters = SearchParameters.Read(Request.Query);
        var outcome = await read.RunAsync(Parameters, null, cancellationToken);
        ways = await listWays.RunAsync(cancellationToken);
        Query = outcome.Query;
        Notices = outcome.Notices;
        Result = await index.SearchAsync(Query, cancellationToken);

        var groupings = ListGroupings.ByMunicipality(await listGroupings.RunAsync(options.Value.Prefecture, cancellationToken));
        MunicipalityFacets = [.. Result.Facet(SearchFields.Municipality)
            .Where(c => Japan.Shared.Municipality(c.Key) is { ParentCode: null })
            .GroupBy(c => groupings.GetValueOrDefault(c.Key))
            .OrderBy(g => g.Key is null ? 1 : 0).ThenBy(g => g.Key?.SortOrder)
            .Select(g => (g.Key, (IReadOnlyList<FacetCount>)[.. g.OrderBy(c => c.Key, StringComparer.Ordinal)]))];

        return Request.Headers["HX-Request"] == "true" ? Partial("_Results", this) : Page();
    }

    /// <summary>This search's URL with some parameters changed (null removes one); the page goes back to 1 unless given.</summary>
    public string Link(params (string Name, string? Value)[] changes)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["q"] = Parameters.Q,
            ["type"] = Parameters.Type,
            ["municipality"] = Parameters.Municipality,
            ["grouping"] = Parameters.Grouping,
            ["field"] = Parameters.Field,
            ["way"] = Parameters.Way,
            ["kind"] = Parameters.Kind,
            ["access"] = Parameters.Access,
            ["when"] = Parameters.When,
            ["from"] = Parameters.From,
            ["to"] = Parameters.To,
            ["online"] = Parameters.Online,
            ["sort"] = Parameters.Sort,
            ["page"] = null,
        };
        foreach (var (name, value) in changes) values[name] = value;
        return QueryString.Create(values.Where(v => !string.IsNullOrEmpty(v.Value))).ToUriComponent() is { Length: > 0 } q ? "/search" + q : "/search";
    }

    public static string FieldName(string key) =>
        int.TryParse(key, System.Globalization.CultureInfo.InvariantCulture, out var n) && FieldsOfActivity.Find(n) is { } f ? (Cultures.IsEnglish ? f.NameEn : f.Name) : key;

    public string WayName(string key) =>
        ways.FirstOrDefault(w => w.Key == key) is { } w ? (Cultures.IsEnglish ? w.NameEn : w.Name) : key;

    /// <summary>The same search as an iCalendar feed (opportunities only).</summary>
    public string CalendarLink => "/search.ics" + Link(("type", null))["/search".Length..];

    public static string MunicipalityName(string code) => Japan.Shared.Municipality(code)?.Name ?? code;
}
