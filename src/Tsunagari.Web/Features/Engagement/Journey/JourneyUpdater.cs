using Microsoft.Extensions.Options;

namespace Tsunagari.Features.Engagement.Journeys;

/// <summary>
/// The hosted service on every node: applies the journey's outbox every <see cref="JourneyOptions.PollInterval"/>, and once
/// a day re-evaluates the journeys that time alone can change. Failures are logged and retried on the next round; the
/// outbox rows stay until a round succeeds.
/// </summary>
public sealed partial class JourneyUpdater(IServiceScopeFactory scopes, IOptions<JourneyOptions> options, TimeProvider clock, ILogger<JourneyUpdater> logger) : BackgroundService
{
    private DateTimeOffset lastDaily = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
                await using var scope = scopes.CreateAsyncScope();
                var process = scope.ServiceProvider.GetRequiredService<ProcessJourneyChanges>();
                await process.RunAsync(maxBatches: 20, stoppingToken);
                var now = clock.GetUtcNow();
                if (now - lastDaily >= TimeSpan.FromDays(1))
                {
                    await process.ReevaluateRootedAsync(TimeSpan.FromDays(7), stoppingToken);
                    lastDaily = now;
                }
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
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Updating journeys failed; retrying on the next round.")]
    private static partial void Failed(ILogger logger, Exception exception);
}
