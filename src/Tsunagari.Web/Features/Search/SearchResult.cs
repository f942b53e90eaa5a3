namespace Tsunagari.Features.Search;

public sealed record SearchResult(int Total, int Page, int PageSize, IReadOnlyList<SearchHit> Items, IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets)
{
    public int PageCount => Total == 0 ? 0 : ((Total - 1) / PageSize) + 1;

    /// <summary>The page asked for is after the last one (the caller says so and links to the last page).</summary>
    public bool BeyondLastPage => Page > 1 && Page > PageCount;

    public IReadOnlyList<FacetCount> Facet(string field) => Facets.TryGetValue(field, out var counts) ? counts : [];
}

public sealed record FacetCount(string Key, int Count);

/// <summary>One result; the *Html properties are HTML-escaped text with the matches in &lt;mark&gt;.</summary>
public sealed record SearchHit(
    Guid Id,
    string Type,
    string Title,
    string TitleHtml,
    string SnippetHtml,
    string Organization,
    Guid OrganizationId,
    IReadOnlyList<string> MunicipalityCodes,
    IReadOnlyList<int> Fields,
    IReadOnlyList<string> Ways,
    string Kind,
    IReadOnlyList<string> Access,
    bool Online,
    DateTimeOffset? Start,
    DateTimeOffset? End,
    bool Verified);
