using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;

namespace Tsunagari.Features.Opportunities;

/// <summary>The ways to take part in display order (a short list, read often).</summary>
public sealed class ListWays(AppDbContext db)
{
    public async Task<IReadOnlyList<WayToTakePart>> RunAsync(CancellationToken cancellationToken = default) =>
        await db.WaysToTakePart.AsNoTracking().OrderBy(w => w.SortOrder).ThenBy(w => w.Id).ToListAsync(cancellationToken);

    public static IReadOnlyList<WayToTakePart> Of(IEnumerable<int> ids, IReadOnlyList<WayToTakePart> all) =>
        all.Where(w => ids.Contains(w.Id)).ToList();
}
