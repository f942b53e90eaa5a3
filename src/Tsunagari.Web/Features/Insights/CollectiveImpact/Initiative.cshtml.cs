using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Features.Insights.Charts;
using Tsunagari.Platform;
using Tsunagari.Resources;

namespace Tsunagari.Features.Insights.CollectiveImpact;

/// <summary>
/// The public overview: the common agenda, the backbone, the partners by sector, their mutually reinforcing activities,
/// and each shared indicator's progress as the sum of the partners' values per period (organization figures, not counts of
/// people, so nothing is suppressed).
/// </summary>
public sealed class InitiativeModel(AppDbContext db, CollectiveFigures figures, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    public CollectiveAccess Access { get; private set; } = null!;
    public IReadOnlyList<ImpactEvaluation.Indicator> Indicators { get; private set; } = [];
    public IReadOnlyList<CollectiveActivity> Activities { get; private set; } = [];
    public IReadOnlyList<ChartData> Charts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var access = await CollectiveAccess.LoadAsync(db, User, id, cancellationToken);
        if (access is null) return NotFound();
        Access = access;
        Indicators = await figures.IndicatorsAsync(id, cancellationToken);
        var periods = CollectiveFigures.RecentPeriods(access.Initiative, JapanTime.Date(clock.GetUtcNow()));
        var values = await figures.ValuesAsync(id, periods, cancellationToken);
        var partners = access.Partners.Select(p => p.Organization.Id).ToList();
        Charts = Indicators.Select(i => figures.SumChart(i, periods, partners, values)).ToList();
        if (ChartDownload.For(Request, Charts, l) is { } download) return download;
        Activities = await db.CollectiveActivities.AsNoTracking().Where(a => a.InitiativeId == id)
            .OrderBy(a => a.Status).ThenBy(a => a.Title).ToListAsync(cancellationToken);
        return Page();
    }

    public string IndicatorName(Guid id) => Indicators.FirstOrDefault(i => i.Id == id)?.Name ?? "";
}
