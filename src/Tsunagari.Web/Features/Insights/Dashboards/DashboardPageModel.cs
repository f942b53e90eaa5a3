using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tsunagari.Features.Insights.Charts;
using Tsunagari.Platform;
using Tsunagari.Resources;

namespace Tsunagari.Features.Insights.Dashboards;

/// <summary>
/// What every regional dashboard page shares: the period read from <c>to</c> and <c>quarters</c> (a wrong one gives a
/// message and the default period, never an error page), the dashboard read from the precomputed figures, and the
/// chart downloads answered before the page is drawn.
/// </summary>
public abstract class DashboardPageModel(DashboardReader reader, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    public DashboardPeriod Period { get; private set; } = null!;
    public int CurrentQuarter { get; private set; }
    public Dashboard Dashboard { get; private set; } = null!;
    public IReadOnlyList<MunicipalityFigures> Table { get; protected set; } = [];

    protected DashboardReader Reader => reader;
    protected IStringLocalizer<SharedResource> L => l;

    protected void ReadPeriod(string? to, string? quarters)
    {
        CurrentQuarter = RegionalFigure.QuarterOf(JapanTime.Date(clock.GetUtcNow()));
        var period = DashboardPeriod.TryParse(to, quarters, CurrentQuarter);
        if (period is null)
        {
            ModelState.AddModelError("to", l["期間は、{0}までの四半期と、4・8・12のいずれかの四半期数で指定してください。", RegionalFigure.QuarterLabel(CurrentQuarter)]);
            period = DashboardPeriod.Default(CurrentQuarter);
        }
        Period = period;
    }

    /// <summary>Reads the dashboard; returns the download when the request asks for one chart's table.</summary>
    protected async Task<IActionResult?> ReadDashboardAsync(IReadOnlyList<Regions.Municipality> units, bool wholePrefecture, CancellationToken cancellationToken)
    {
        Dashboard = await reader.ReadAsync(units, wholePrefecture, Period, cancellationToken);
        return ChartDownload.For(Request, Dashboard.Charts, l);
    }
}
