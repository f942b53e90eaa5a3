using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Features.Insights.Charts;
using Tsunagari.Platform;
using Tsunagari.Resources;

namespace Tsunagari.Features.Insights.CollectiveImpact;

/// <summary>
/// The backbone dashboard, for members of the backbone and of the partners and for the staff: per shared indicator and
/// period each partner's value, the sum and who has submitted; and the people who took part in partners' activities on
/// the platform — the sum of each partner's count (延べ) beside the distinct people (実人数), a person active with several
/// partners counted once. Counts of 1–4 people are hidden from all but the staff.
/// </summary>
[Authorize]
public sealed class DashboardModel(AppDbContext db, CollectiveFigures figures, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    public CollectiveAccess Access { get; private set; } = null!;
    public IReadOnlyList<ImpactEvaluation.Indicator> Indicators { get; private set; } = [];
    public IReadOnlyList<CollectivePeriod> Periods { get; private set; } = [];
    public IReadOnlyDictionary<(Guid Organization, Guid Indicator, DateOnly Period), CollectiveFigures.Value> Values { get; private set; } = new Dictionary<(Guid, Guid, DateOnly), CollectiveFigures.Value>();
    public IReadOnlyList<ChartData> IndicatorCharts { get; private set; } = [];
    public ChartData People { get; private set; } = null!;
    public IReadOnlyList<CollectiveFigures.PeopleRow> PeopleRows { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var access = await CollectiveAccess.LoadAsync(db, User, id, cancellationToken);
        if (access is null || !access.CanRead) return NotFound();
        Access = access;
        Today = JapanTime.Date(clock.GetUtcNow());
        Indicators = await figures.IndicatorsAsync(id, cancellationToken);
        Periods = CollectiveFigures.RecentPeriods(access.Initiative, Today);
        Values = await figures.ValuesAsync(id, Periods, cancellationToken);
        IndicatorCharts = Indicators.Select(i => figures.PartnerChart(i, Periods, access.Partners, Values)).ToList();
        PeopleRows = await figures.PeopleAsync(access.Partners.Select(p => p.Partner).ToList(), Periods, cancellationToken);
        People = figures.PeopleChart(PeopleRows, access.Partners, access.IsStaff);
        if (ChartDownload.For(Request, [.. IndicatorCharts, People], l) is { } download) return download;
        return Page();
    }
}
