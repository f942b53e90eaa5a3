using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Tsunagari.Data;
using Tsunagari.Features.Regions;
using Tsunagari.Platform;
using Tsunagari.Platform.Localization;
using Tsunagari.Resources;

namespace Tsunagari.Features.Insights.Dashboards;

/// <summary>A regional grouping's dashboard, public: the sum of its municipalities, and a table of them.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = InsightsCaching.Policy)]
public sealed class GroupingDashboardModel(DashboardReader reader, AppDbContext db, Japan japan, IOptions<TsunagariOptions> options,
    IStringLocalizer<SharedResource> l, TimeProvider clock) : DashboardPageModel(reader, l, clock)
{
    public Prefecture Prefecture { get; private set; } = null!;
    public RegionalGrouping Grouping { get; private set; } = null!;
    public string Name => Cultures.IsEnglish ? Grouping.NameEn : Grouping.Name;

    public async Task<IActionResult> OnGetAsync(Guid id, string? to, string? quarters, CancellationToken cancellationToken)
    {
        Prefecture = japan.Prefecture(options.Value.Prefecture) ?? throw new InvalidOperationException("Tsunagari:Prefecture is validated on start.");
        var grouping = await db.RegionalGroupings.AsNoTracking().SingleOrDefaultAsync(g => g.Id == id && g.PrefectureCode == Prefecture.Code, cancellationToken);
        if (grouping is null) return NotFound();
        Grouping = grouping;
        var units = grouping.MunicipalityCodes.Select(japan.Municipality).OfType<Municipality>().ToList();
        ReadPeriod(to, quarters);
        if (await ReadDashboardAsync(units, wholePrefecture: false, cancellationToken) is { } download) return download;
        Table = await Reader.TableAsync(units, Period, cancellationToken);
        return Page();
    }
}
