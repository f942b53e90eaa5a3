using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.Opportunities;
using Tsunagari.Features.Regions;

namespace Tsunagari.Features.Search;

/// <summary>
/// Any search of opportunities as an iCalendar feed: the /search URL with .ics, so a resident can subscribe to
/// "weekend activities in Funabashi with wheelchair access" and see new ones appear in their own calendar.
/// </summary>
public static class SearchCalendar
{
    /// <summary>Enough for any calendar view; a feed of everything is what the open-data exports are for.</summary>
    public const int MaxEvents = 500;

    public static void MapSearchCalendar(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/search.ics", Feed).WithTags("Calendars").AllowAnonymous()
            .WithSummary("The opportunities a /search URL finds (same parameters) as iCalendar, up to 500 events.");
    }

    public static async Task<Results<FileContentHttpResult, ValidationProblem>> Feed(
        HttpContext http, ReadSearch read, SearchIndex index, AppDbContext db, Japan japan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(db);
        // A subscription keeps asking for years: a mistake in its URL must be said, not silently widened.
        var outcome = await read.RunAsync(SearchParameters.Read(http.Request.Query) with { Page = null }, SearchFields.Opportunity, cancellationToken);
        if (outcome.Errors.Count > 0) return TypedResults.ValidationProblem(outcome.Errors);

        var result = await index.SearchAsync(outcome.Query with { Page = 1, PageSize = MaxEvents, CountFacets = false }, cancellationToken);
        var ids = result.Items.Select(h => h.Id).ToList();
        var opportunities = await db.Opportunities.AsNoTracking()
            .Where(o => ids.Contains(o.Id) && o.Status == OpportunityStatus.Published)
            .OrderBy(o => o.StartsAt)
            .ToListAsync(cancellationToken);
        var baseUrl = new Uri($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}");
        var text = OpportunityCalendars.Serialize(opportunities, baseUrl, japan);
        return TypedResults.File(Encoding.UTF8.GetBytes(text), OpportunityCalendars.ContentType, "search.ics");
    }
}
