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

    /// <summary>Reads the names above from a query string (the page and its calendar feed).</summary>
    public static SearchParameters Read(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        string? Get(string name) => query.TryGetValue(name, out var v) ? v.ToString() : null;
        return new SearchParameters
        {
            Q = Get("q"),
            Type = Get("type"),
            Municipality = Get("municipality"),
            Grouping = Get("grouping"),
            Field = Get("field"),
            Way = Get("way"),
            Kind = Get("kind"),
            Access = Get("access"),
            When = Get("when"),
            From = Get("from"),
            To = Get("to"),
            Online = Get("online"),
            Sort = Get("sort"),
            Page = Get("page"),
        };
    }
}
