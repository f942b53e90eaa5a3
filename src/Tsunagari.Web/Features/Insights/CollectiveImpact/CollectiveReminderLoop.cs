using Microsoft.Extensions.Options;
using Tsunagari.Features.Engagement.Notifications;

namespace Tsunagari.Features.Insights.CollectiveImpact;

/// <summary>Runs <see cref="SendCollectiveReminders"/> hourly (or at the notification poll interval when shorter) on every node.</summary>
public sealed partial class CollectiveReminderLoop(IServiceScopeFactory scopes, IOptions<NotificationOptions> options, ILogger<CollectiveReminderLoop> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = options.Value.PollInterval;
        if (poll <= TimeSpan.Zero) return;
        using var timer = new PeriodicTimer(poll < TimeSpan.FromHours(1) ? poll : TimeSpan.FromHours(1));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<SendCollectiveReminders>().RunAsync(stoppingToken);
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
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    [LoggerMessage(LogLevel.Warning, "Sending collective impact reminders failed; retrying on the next tick.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
