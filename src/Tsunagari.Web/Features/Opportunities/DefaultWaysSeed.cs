using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;

namespace Tsunagari.Features.Opportunities;

/// <summary>Reference data: inserts the default ways to take part that are missing (by key), never changing edited ones.</summary>
public sealed class DefaultWaysSeed(AppDbContext db) : ISeed
{
    public bool IsDemo => false;

    public async Task RunAsync()
    {
        var existing = await db.WaysToTakePart.AsNoTracking().Select(w => new { w.Id, w.Key }).ToListAsync();
        var missing = DefaultWays.All
            .Where(d => existing.All(e => e.Id != d.Id && !string.Equals(e.Key, d.Key, StringComparison.Ordinal)))
            .ToList();
        if (missing.Count == 0) return;
        foreach (var way in missing)
            db.WaysToTakePart.Add(new WayToTakePart(way.Id, way.Key, way.Name, way.NameEn, way.Icon, way.SortOrder));
        await db.SaveChangesAsync();
    }
}
