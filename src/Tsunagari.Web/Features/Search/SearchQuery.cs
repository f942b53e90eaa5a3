namespace Tsunagari.Features.Search;

/// <summary>A validated search: what the page and the API ask of <see cref="TextIndex"/>.</summary>
public sealed record SearchQuery
{
    public string Type { get; init; } = SearchFields.Opportunity;
    public string Text { get; init; } = "";

    /// <summary>Any of these codes (a grouping is its municipalities; a designated city includes its wards).</summary>
    public IReadOnlyList<string> Municipalities { get; init; } = [];

    public int? Field { get; init; }
    public string? Way { get; init; }
    public string? Kind { get; init; }
    public string? Access { get; init; }
    public bool? Online { get; init; }

    /// <summary>Japan dates, inclusive.</summary>
    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }
    public SearchSort Sort { get; init; } = SearchSort.Relevance;
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 20;

    /// <summary>Counting facets visits every match; a short list that shows none (the home page's) need not pay for it.</summary>
    public bool CountFacets { get; init; } = true;
}
