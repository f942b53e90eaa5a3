using Microsoft.Extensions.DependencyInjection;
using Tsunagari.Data;
using Tsunagari.Features.Regions;

namespace Tsunagari.Tests.Hardening;

/// <summary>A regional grouping of the prefecture for the public grouping dashboard (two municipalities).</summary>
public static class InsightsDashboardsSubjects
{
    public static async Task<Guid> CreateAsync(TestApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var grouping = new RegionalGrouping("120006", "表の地域", "Matrix area", 98, ["122050", "122033"]);
        db.RegionalGroupings.Add(grouping);
        await db.SaveChangesAsync();
        return grouping.Id;
    }
}
