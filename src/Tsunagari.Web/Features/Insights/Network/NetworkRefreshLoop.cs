using Microsoft.Extensions.Options;

namespace Tsunagari.Features.Insights.Network;

public sealed class NetworkOptions
{
    public const string Section = "Tsunagari:Network";

    /// <summary>How often the ties are rebuilt (and once at start); zero or less turns the background refresh off.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long one filter's measures are kept (they are dropped sooner when the ties are rebuilt).</summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>Runs <see cref="RefreshNetworkTies"/> at start and then every <see cref="NetworkOptions.RefreshInterval"/> on every node.</summary>
public sealed partial class NetworkRefreshLoop(IServiceScopeFactory scopes, IOptions<NetworkOptions> options, ILogger<NetworkRefreshLoop> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.RefreshInterval;
        if (interval <= TimeSpan.Zero) return;
        using var timer = new PeriodicTimer(interval);
        try
        {
            do
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<RefreshNetworkTies>().RunAsync(stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
#pragma warning disable CA1031 // A database outage must not stop the loop; it tries again on the next tick.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    LogFailed(logger, e);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    [LoggerMessage(LogLevel.Warning, "Refreshing the network's ties failed; retrying on the next tick.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
