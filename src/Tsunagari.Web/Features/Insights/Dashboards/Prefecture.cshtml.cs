using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Tsunagari.Data;
using Tsunagari.Features.Regions;
using Tsunagari.Platform;
using Tsunagari.Resources;

namespace Tsunagari.Features.Insights.Dashboards;

/// <summary>The prefecture's dashboard, public: its figures, its groupings and a table of its municipalities.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = InsightsCaching.Policy)]
public sealed class PrefectureDashboardModel(DashboardReader reader, ListGroupings groupings, Japan japan, IOptions<TsunagariOptions> options,
    IStringLocalizer<SharedResource> l, TimeProvider clock) : DashboardPageModel(reader, l, clock)
{
    public Prefecture Prefecture { get; private set; } = null!;
    public IReadOnlyList<GroupingSummary> Groupings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? to, string? quarters, CancellationToken cancellationToken)
    {
        Prefecture = japan.Prefecture(options.Value.Prefecture) ?? throw new InvalidOperationException("Tsunagari:Prefecture is validated on start.");
        ReadPeriod(to, quarters);
        if (await ReadDashboardAsync(Prefecture.Municipalities, wholePrefecture: true, cancellationToken) is { } download) return download;
        Groupings = await groupings.RunAsync(Prefecture.Code, cancellationToken);
        Table = await Reader.TableAsync(Prefecture.Municipalities, Period, cancellationToken);
        return Page();
    }
}
