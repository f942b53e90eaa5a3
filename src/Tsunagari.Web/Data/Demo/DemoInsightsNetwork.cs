using Microsoft.EntityFrameworkCore;
using Tsunagari.Features;
using Tsunagari.Features.Insights.Network;

namespace Tsunagari.Data.Demo;

/// <summary>
/// The demo's network of organizations: the demo directory's organizations are already linked by the residents the demo
/// participation gives journeys with several of them, and by the demo grants (fund holder → NPO); this seed computes
/// the ties once, so /insights/network shows them before the background refresh's first run. Idempotent: nothing is
/// done once ties exist.
/// </summary>
public sealed class DemoInsightsNetwork(AppDbContext db, RefreshNetworkTies refresh) : ISeed
{
    public bool IsDemo => true;

    public async Task RunAsync()
    {
        if (await db.NetworkTies.AnyAsync()) return;
        await refresh.RunAsync(CancellationToken.None);
    }
}
