namespace Tsunagari.Platform;

/// <summary>
/// Runs one job in a fresh scope every interval on every node (mail, reminders, precomputed figures). A failure (a
/// database outage, a conflict with another node) is logged and the job tried again on the next round; a zero or
/// negative interval turns the loop off.
/// </summary>
public sealed partial class BackgroundLoop<TJob>(IServiceScopeFactory scopes, BackgroundLoopPlan<TJob> plan, ILogger<BackgroundLoop<TJob>> logger) : BackgroundService
    where TJob : notnull
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (plan.Interval <= TimeSpan.Zero) return;
        using var timer = new PeriodicTimer(plan.Interval);
        try
        {
            if (plan.RunAtStart) await RunOnceAsync(stoppingToken);
            while (await timer.WaitForNextTickAsync(stoppingToken)) await RunOnceAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await plan.Run(scope.ServiceProvider.GetRequiredService<TJob>(), stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A background loop must survive any failure and try again on the next round.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogFailed(logger, typeof(TJob).Name, e);
        }
    }

    [LoggerMessage(LogLevel.Warning, "The background job {Job} failed; retrying on the next round.")]
    private static partial void LogFailed(ILogger logger, string job, Exception exception);
}

/// <summary>How a <see cref="BackgroundLoop{TJob}"/> runs its job: what to call, how often, and whether once at start too.</summary>
public sealed record BackgroundLoopPlan<TJob>(Func<TJob, CancellationToken, Task> Run, TimeSpan Interval, bool RunAtStart);

public static class BackgroundLoops
{
    /// <summary>Registers <typeparamref name="TJob"/> as a scoped service and a loop that runs it; the interval is read from options at start.</summary>
    public static void AddBackgroundLoop<TJob>(this IServiceCollection services, Func<TJob, CancellationToken, Task> run, Func<IServiceProvider, TimeSpan> interval, bool runAtStart = false)
        where TJob : class
    {
        services.AddScoped<TJob>();
        services.AddSingleton(provider => new BackgroundLoopPlan<TJob>(run, interval(provider), runAtStart));
        services.AddHostedService<BackgroundLoop<TJob>>();
    }
}
