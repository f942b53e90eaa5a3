using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.Opportunities;
using Tsunagari.Features.Organizations;
using Tsunagari.Features.Search;

namespace Tsunagari.Features.Directory;

/// <summary>
/// The short lists the home and municipality pages show; the search page is where lists go deep. They are read from
/// the search index, which knows each opportunity's next occurrence and each municipality's wards: sorting 200,000
/// opportunities in the database for every home page took seconds.
/// </summary>
public sealed class DirectoryListing(SearchIndex index, AppDbContext db, TimeProvider clock)
{
    public sealed record OpportunityCard(Guid Id, string Title, string Organization, string MunicipalityCode, DateTimeOffset? StartsAt, bool Recurring, bool IsOnline, IReadOnlyList<WayToTakePart> Ways);

    public sealed record OrganizationCard(Guid Id, string Name, OrganizationKind Kind, bool Verified);

    /// <summary>Published opportunities with an occurrence from today on (Japan time), soonest next occurrence first.</summary>
    public async Task<IReadOnlyList<OpportunityCard>> UpcomingAsync(string? municipalityCode, int take, CancellationToken cancellationToken)
    {
        var today = Occurrences.JapanDate(clock.GetUtcNow());
        Task<SearchResult> Until(DateOnly? to) => index.SearchAsync(new SearchQuery
        {
            Municipalities = municipalityCode is null ? [] : [municipalityCode],
            From = today,
            To = to,
            Sort = SearchSort.Date,
            PageSize = take,
            CountFacets = false,
        }, cancellationToken);
        // Sorting visits every match: the coming week first keeps that small at prefecture scale; a quiet week looks further.
        var result = await Until(today.AddDays(7));
        if (result.Items.Count < take) result = await Until(null);
        var ids = result.Items.Select(h => h.Id).ToList();
        var recurring = await db.Opportunities.AsNoTracking().Where(o => ids.Contains(o.Id) && o.RecurrenceRule != null).Select(o => o.Id).ToListAsync(cancellationToken);
        var ways = await WaysAsync(cancellationToken);
        return [.. result.Items.Select(h => new OpportunityCard(
            h.Id, h.Title, h.Organization, h.MunicipalityCodes.Count > 0 ? h.MunicipalityCodes[0] : "", h.Start, recurring.Contains(h.Id), h.Online,
            [.. ways.Where(w => h.Ways.Contains(w.Key))]))];
    }

    /// <summary>Organizations that serve the municipality (or one of its wards), the most recently registered first.</summary>
    public async Task<IReadOnlyList<OrganizationCard>> OrganizationsServingAsync(string municipalityCode, int take, CancellationToken cancellationToken)
    {
        var result = await index.SearchAsync(new SearchQuery
        {
            Type = SearchFields.OrganizationType,
            Municipalities = [municipalityCode],
            Sort = SearchSort.Newest,
            PageSize = take,
            CountFacets = false,
        }, cancellationToken);
        return [.. result.Items.Select(h => new OrganizationCard(h.Id, h.Organization, Enum.TryParse<OrganizationKind>(h.Kind, out var kind) ? kind : default, h.Verified))];
    }

    public async Task<IReadOnlyList<WayToTakePart>> WaysAsync(CancellationToken cancellationToken) =>
        await db.WaysToTakePart.AsNoTracking().OrderBy(w => w.SortOrder).ToListAsync(cancellationToken);
}
