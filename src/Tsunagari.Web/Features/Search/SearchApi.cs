using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Tsunagari.Features.Search;

public static class SearchApi
{
    public static RouteGroupBuilder MapSearchApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/opportunities", SearchOpportunities).WithTags("Search").AllowAnonymous()
            .WithName(nameof(SearchOpportunities))
            .WithSummary("Published opportunities matching ?q= (Japanese-aware full text) and filters, with facet counts; 20 a page by default.");
        api.MapGet("/organizations", SearchOrganizations).WithTags("Search").AllowAnonymous()
            .WithName(nameof(SearchOrganizations))
            .WithSummary("Organizations matching ?q= and filters, with facet counts.");
        return api;
    }

    public sealed record Item(Guid Id, string Title, string Organization, string MunicipalityCode, DateTimeOffset? Start, DateTimeOffset? End, IReadOnlyList<string> Ways, IReadOnlyList<int> Fields, string Url);

    public sealed record Page(int Total, IReadOnlyList<Item> Items, IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets);

    public static Task<Results<Ok<Page>, ValidationProblem>> SearchOpportunities([AsParameters] Query query, ReadSearch read, SearchIndex index, CancellationToken cancellationToken) =>
        RunAsync(query, SearchFields.Opportunity, read, index, cancellationToken);

    public static Task<Results<Ok<Page>, ValidationProblem>> SearchOrganizations([AsParameters] Query query, ReadSearch read, SearchIndex index, CancellationToken cancellationToken) =>
        RunAsync(query, SearchFields.OrganizationType, read, index, cancellationToken);

    private static async Task<Results<Ok<Page>, ValidationProblem>> RunAsync(Query query, string type, ReadSearch read, SearchIndex index, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(index);
        var outcome = await read.RunAsync(query.ToParameters(), type, cancellationToken);
        if (outcome.Errors.Count > 0) return TypedResults.ValidationProblem(outcome.Errors);
        var result = await index.SearchAsync(outcome.Query, cancellationToken);
        var items = result.Items.Select(h => new Item(
            h.Id, h.Title, h.Organization, h.MunicipalityCodes.Count > 0 ? h.MunicipalityCodes[0] : "", h.Start, h.End, h.Ways, h.Fields,
            type == SearchFields.Opportunity ? $"/opportunities/{h.Id}" : $"/organizations/{h.Id}")).ToList();
        var facets = new[] { SearchFields.Municipality, SearchFields.Field, SearchFields.Way, SearchFields.Kind, SearchFields.Access }
            .ToDictionary(f => f, result.Facet, StringComparer.Ordinal);
        return TypedResults.Ok(new Page(result.Total, items, facets));
    }

    /// <summary>The query string, kept as text so that a malformed value is a localized 400, not a binding failure.</summary>
    public sealed record Query(
        [FromQuery] string? Q,
        [FromQuery] string? Municipality,
        [FromQuery] string? Grouping,
        [FromQuery] string? Field,
        [FromQuery] string? Way,
        [FromQuery] string? Kind,
        [FromQuery] string? Access,
        [FromQuery] string? When,
        [FromQuery] string? From,
        [FromQuery] string? To,
        [FromQuery] string? Online,
        [FromQuery] string? Sort,
        [FromQuery] string? Page,
        [FromQuery] string? PageSize)
    {
        public SearchParameters ToParameters() => new()
        {
            Q = Q,
            Municipality = Municipality,
            Grouping = Grouping,
            Field = Field,
            Way = Way,
            Kind = Kind,
            Access = Access,
            When = When,
            From = From,
            To = To,
            Online = Online,
            Sort = Sort,
            Page = Page,
            PageSize = PageSize,
        };
    }
}
