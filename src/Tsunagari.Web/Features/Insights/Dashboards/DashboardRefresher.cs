using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tsunagari.Data;

namespace Tsunagari.Features.Insights.Dashboards;

/// <summary>
/// The dashboards' hosted service: at start-up, rebuilds the people measures when there are journeys but no figures (a
/// database loaded in bulk, or one from before the dashboards); then replaces the periodic measures every
/// <see cref="DashboardOptions.RefreshInterval"/>. Failures are logged and retried on the next round.
/// </summary>
public sealed partial class DashboardRefresher(IServiceScopeFactory scopes, IOptions<DashboardOptions> options, TimeProvider clock, ILogger<DashboardRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RefreshInBackground) return;
        var rebuilt = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                if (!rebuilt) rebuilt = await RebuildIfEmptyAsync(db, stoppingToken) >= 0;
                await DashboardOrganizationFigures.RefreshAsync(db, clock.GetUtcNow(), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A background loop must survive any failure (an outage, a conflict with another node) and try again.
            catch (Exception e)
#pragma warning restore CA1031
            {
                Failed(logger, e);
            }
            try
            {
                await Task.Delay(options.Value.RefreshInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Rebuilds the people measures when none exist but journeys do; returns the people counted (0 when not needed).</summary>
    public static async Task<int> RebuildIfEmptyAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var measures = RegionalMeasures.People;
        if (await db.DashboardContributions.AnyAsync(cancellationToken) || await db.RegionalFigures.AnyAsync(f => measures.Contains(f.Measure), cancellationToken)) return 0;
        if (!await db.Journeys.AnyAsync(cancellationToken)) return 0;
        return await DashboardPeople.RebuildAsync(db, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing the regional dashboards' figures failed; retrying on the next round.")]
    private static partial void Failed(ILogger logger, Exception exception);
}
