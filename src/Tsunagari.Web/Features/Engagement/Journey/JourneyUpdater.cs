using Microsoft.Extensions.Options;
using Tsunagari.Platform;

namespace Tsunagari.Features.Engagement.Journeys;

/// <summary>
/// The hosted service on every node: applies the journey's outbox every <see cref="JourneyOptions.PollInterval"/>, and once
/// a day, at <see cref="JourneyOptions.DailyAt"/>, re-evaluates the journeys that time alone can change (a day missed while
/// stopped is covered by the next run's look-back). Failures are logged and retried on the next round; the outbox rows
/// stay until a round succeeds.
/// </summary>
public sealed partial class JourneyUpdater(IServiceScopeFactory scopes, IOptions<JourneyOptions> options, TimeProvider clock, ILogger<JourneyUpdater> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextDaily = NextDaily(clock.GetUtcNow(), options.Value.DailyAt);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
                await using var scope = scopes.CreateAsyncScope();
                var process = scope.ServiceProvider.GetRequiredService<ProcessJourneyChanges>();
                await process.RunAsync(maxBatches: 20, stoppingToken);
                var now = clock.GetUtcNow();
                if (now >= nextDaily)
                {
                    await process.ReevaluateRootedAsync(TimeSpan.FromDays(7), stoppingToken);
                    nextDaily = NextDaily(now, options.Value.DailyAt);
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

    /// <summary>The first <paramref name="at"/> (Japan time) after <paramref name="now"/>.</summary>
    public static DateTimeOffset NextDaily(DateTimeOffset now, TimeOnly at)
    {
        var japan = TimeZoneInfo.ConvertTime(now, JapanTime.Zone);
        var today = new DateTimeOffset(DateOnly.FromDateTime(japan.DateTime).ToDateTime(at), japan.Offset);
        return today > now ? today : today.AddDays(1);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Updating journeys failed; retrying on the next round.")]
    private static partial void Failed(ILogger logger, Exception exception);
}
