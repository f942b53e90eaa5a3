using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;

namespace Tsunagari.Features.Regions;

/// <summary>A prefecture's regional groupings in their display order; shared by the pages and the API.</summary>
public sealed class ListGroupings(AppDbContext db)
{
    public async Task<IReadOnlyList<GroupingSummary>> RunAsync(string prefectureCode, CancellationToken cancellationToken = default) =>
        await db.RegionalGroupings.AsNoTracking()
            .Where(g => g.PrefectureCode == prefectureCode)
            .OrderBy(g => g.SortOrder).ThenBy(g => g.Name)
            .Select(g => new GroupingSummary(g.Id, g.Name, g.NameEn, g.SortOrder, g.MunicipalityCodes))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Which grouping each municipality code belongs to. Editing keeps a municipality in one grouping at most; should the
    /// database say otherwise, the first grouping in display order wins.
    /// </summary>
    public static IReadOnlyDictionary<string, GroupingSummary> ByMunicipality(IEnumerable<GroupingSummary> groupings)
    {
        ArgumentNullException.ThrowIfNull(groupings);
        var byCode = new Dictionary<string, GroupingSummary>(StringComparer.Ordinal);
        foreach (var grouping in groupings)
            foreach (var code in grouping.MunicipalityCodes)
                byCode.TryAdd(code, grouping);
        return byCode;
    }
}
