using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.Opportunities;
using Tsunagari.Features.Organizations;

namespace Tsunagari.Features.Directory;

/// <summary>The short lists the home and municipality pages show; the search page is where lists go deep.</summary>
public sealed class DirectoryListing(AppDbContext db, TimeProvider clock)
{
    public sealed record OpportunityCard(Guid Id, string Title, string Organization, string MunicipalityCode, DateTimeOffset StartsAt, bool Recurring, bool IsOnline, IReadOnlyList<WayToTakePart> Ways, AccessibilityFeatures Accessibility);

    private sealed record OpportunityRow(Guid Id, string Title, string Organization, string MunicipalityCode, DateTimeOffset StartsAt, bool Recurring, bool IsOnline, List<int> Ways, AccessibilityFeatures Accessibility);

    public sealed record OrganizationCard(Guid Id, string Name, OrganizationKind Kind, bool Verified);

    /// <summary>Published opportunities still to come (recurring ones included while their series runs), soonest first.</summary>
    public async Task<IReadOnlyList<OpportunityCard>> UpcomingAsync(string? municipalityCode, int take, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var query = db.Opportunities.AsNoTracking()
            .Where(o => o.Status == OpportunityStatus.Published && (o.EndsAt >= now || o.RecurrenceRule != null));
        if (municipalityCode is not null) query = query.Where(o => o.MunicipalityCode == municipalityCode);
        var rows = await (from o in query
                          join org in db.Organizations on o.OrganizationId equals org.Id
                          orderby o.RecurrenceRule != null, o.StartsAt
                          select new OpportunityRow(o.Id, o.Title, org.Name, o.MunicipalityCode, o.StartsAt, o.RecurrenceRule != null, o.IsOnline, o.Ways, o.Accessibility))
            .Take(take).ToListAsync(cancellationToken);
        var ways = (await WaysAsync(cancellationToken)).ToDictionary(w => w.Id);
        return rows.Select(r => new OpportunityCard(r.Id, r.Title, r.Organization, r.MunicipalityCode, r.StartsAt, r.Recurring, r.IsOnline,
            r.Ways.Where(ways.ContainsKey).Select(w => ways[w]).ToList(), r.Accessibility)).ToList();
    }

    public async Task<IReadOnlyList<OrganizationCard>> OrganizationsServingAsync(string municipalityCode, int take, CancellationToken cancellationToken) =>
        await db.Organizations.AsNoTracking()
            .Where(o => o.MunicipalityCodes.Contains(municipalityCode))
            .OrderByDescending(o => o.Verification == VerificationStatus.Verified).ThenBy(o => o.Name)
            .Select(o => new OrganizationCard(o.Id, o.Name, o.Kind, o.Verification == VerificationStatus.Verified))
            .Take(take).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<WayToTakePart>> WaysAsync(CancellationToken cancellationToken) =>
        await db.WaysToTakePart.AsNoTracking().OrderBy(w => w.SortOrder).ToListAsync(cancellationToken);
}
