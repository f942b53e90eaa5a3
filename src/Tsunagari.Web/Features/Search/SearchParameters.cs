namespace Tsunagari.Features.Search;

/// <summary>A search as the URL states it (the page's form and the API's query string share the names).</summary>
public sealed record SearchParameters
{
    public string? Q { get; init; }
    public string? Type { get; init; }
    public string? Municipality { get; init; }
    public string? Grouping { get; init; }
    public string? Field { get; init; }
    public string? Way { get; init; }
    public string? Kind { get; init; }
    public string? Access { get; init; }
    public string? When { get; init; }
    public string? From { get; init; }
    public string? To { get; init; }
    public string? Online { get; init; }
    public string? Sort { get; init; }
    public string? Page { get; init; }
    public string? PageSize { get; init; }
}
