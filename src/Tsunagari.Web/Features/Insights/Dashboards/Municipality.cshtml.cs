using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Tsunagari.Features.Regions;
using Tsunagari.Platform;
using Tsunagari.Resources;

namespace Tsunagari.Features.Insights.Dashboards;

/// <summary>
/// A municipality's dashboard, public: a designated city includes its wards (listed, each with its own dashboard); a
/// ward has its own. A code that is not a municipality or ward of this prefecture gives 404.
/// </summary>
[AllowAnonymous]
[OutputCache(PolicyName = InsightsCaching.Policy)]
public sealed class MunicipalityDashboardModel(DashboardReader reader, ListGroupings groupings, Japan japan, IOptions<TsunagariOptions> options,
    IStringLocalizer<SharedResource> l, TimeProvider clock) : DashboardPageModel(reader, l, clock)
{
    public Prefecture Prefecture { get; private set; } = null!;
    public Municipality Municipality { get; private set; } = null!;
    public Municipality? City { get; private set; }
    public IReadOnlyList<GroupingSummary> Groupings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, string? to, string? quarters, CancellationToken cancellationToken)
    {
        Prefecture = japan.Prefecture(options.Value.Prefecture) ?? throw new InvalidOperationException("Tsunagari:Prefecture is validated on start.");
        if (japan.Municipality(code) is not { } municipality || municipality.PrefectureCode != Prefecture.Code) return NotFound();
        Municipality = municipality;
        City = japan.Municipality(municipality.ParentCode);
        ReadPeriod(to, quarters);
        if (await ReadDashboardAsync([municipality], wholePrefecture: false, cancellationToken) is { } download) return download;
        var home = City?.Code ?? municipality.Code;
        Groupings = [.. (await groupings.RunAsync(Prefecture.Code, cancellationToken)).Where(g => g.MunicipalityCodes.Contains(home))];
        if (municipality.IsDesignatedCity) Table = await Reader.TableAsync(municipality.Wards, Period, cancellationToken);
        return Page();
    }
}
