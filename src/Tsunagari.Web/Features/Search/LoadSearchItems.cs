using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.Opportunities;
using Tsunagari.Features.Organizations;
using Tsunagari.Features.Regions;

namespace Tsunagari.Features.Search;

/// <summary>Reads organizations and published opportunities from the database as the index holds them.</summary>
public sealed class LoadSearchItems(AppDbContext db, TimeProvider time)
{
    public async Task<IReadOnlyList<SearchItem>> OrganizationsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0) return [];
        var ways = await WayKeysAsync(cancellationToken);
        var organizations = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id))
            .Select(o => new { o.Id, o.Name, o.Kana, o.Kind, o.MunicipalityCodes, o.Fields, o.Mission, o.Description, o.WaysToHelp, o.Verification, o.CreatedAt })
            .ToListAsync(cancellationToken);
        return [.. organizations.Select(o => new SearchItem(
            o.Id, SearchFields.OrganizationType, o.Name + " " + o.Kana, (o.Mission + "\n" + o.Description).Trim(), o.Name, o.Id,
            WithParents(o.MunicipalityCodes), o.Fields, [.. o.WaysToHelp.Select(w => ways.GetValueOrDefault(w)).OfType<string>()],
            o.Kind.ToString(), [], false, [], null, null, long.MaxValue, o.CreatedAt, o.Verification == VerificationStatus.Verified))];
    }

    /// <summary>The published ones among the ids; the others are not in the index.</summary>
    public async Task<IReadOnlyList<SearchItem>> OpportunitiesAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0) return [];
        var ways = await WayKeysAsync(cancellationToken);
        var opportunities = await db.Opportunities.AsNoTracking().Where(o => ids.Contains(o.Id) && o.Status == OpportunityStatus.Published).ToListAsync(cancellationToken);
        var organizationIds = opportunities.Select(o => o.OrganizationId).Distinct().ToList();
        var organizations = await db.Organizations.AsNoTracking().Where(o => organizationIds.Contains(o.Id))
            .Select(o => new { o.Id, o.Name, o.Kind, o.Verification }).ToDictionaryAsync(o => o.Id, cancellationToken);
        var now = time.GetUtcNow();
        // Expanding a recurrence with Ical.Net costs about half a millisecond (docs/benchmarks.md), most of a rebuild's time:
        // on every core.
        return [.. opportunities.AsParallel().AsOrdered().Where(o => organizations.ContainsKey(o.OrganizationId)).Select(o =>
        {
            var organization = organizations[o.OrganizationId];
            var schedule = Occurrences.Of(o, now);
            return new SearchItem(
                o.Id, SearchFields.Opportunity, o.Title, o.Description, organization.Name, o.OrganizationId,
                WithParents([o.MunicipalityCode]), o.Fields, [.. o.Ways.Select(w => ways.GetValueOrDefault(w)).OfType<string>()],
                organization.Kind.ToString(), AccessKeys(o.Accessibility), o.IsOnline, schedule.Days, schedule.Start, schedule.End,
                schedule.SortKey, o.PublishedAt ?? o.CreatedAt, organization.Verification == VerificationStatus.Verified);
        })];
    }

    public static IReadOnlyList<string> AccessKeys(AccessibilityFeatures features) =>
        [.. Enum.GetValues<AccessibilityFeatures>().Where(f => f != AccessibilityFeatures.None && features.HasFlag(f)).Select(f => f.ToString())];

    /// <summary>A ward is also found under its designated city.</summary>
    private static List<string> WithParents(IEnumerable<string> codes) =>
        [.. codes.SelectMany(c => Japan.Shared.Municipality(c)?.ParentCode is { } parent ? new[] { c, parent } : [c]).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal)];

    private async Task<Dictionary<int, string>> WayKeysAsync(CancellationToken cancellationToken)
    {
        var ways = await db.WaysToTakePart.AsNoTracking().ToDictionaryAsync(w => w.Id, w => w.Key, cancellationToken);
        return ways.Count > 0 ? ways : DefaultWays.All.ToDictionary(w => w.Id, w => w.Key);
    }
}
