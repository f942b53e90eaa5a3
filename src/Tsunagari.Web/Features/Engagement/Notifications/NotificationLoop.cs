using Microsoft.Extensions.Options;

namespace Tsunagari.Features.Engagement.Notifications;

/// <summary>Runs <see cref="DeliverNotifications"/> every <see cref="NotificationOptions.PollInterval"/> on every node.</summary>
public sealed partial class NotificationLoop(IServiceScopeFactory scopes, IOptions<NotificationOptions> options, ILogger<NotificationLoop> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.PollInterval;
        if (interval <= TimeSpan.Zero) return;
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<DeliverNotifications>().RunAsync(stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
#pragma warning disable CA1031 // Mail must survive a database or SMTP outage; it retries on the next poll.
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

    [LoggerMessage(LogLevel.Warning, "Mailing notifications failed; retrying on the next poll.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
