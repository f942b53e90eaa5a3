using Microsoft.Extensions.Options;

namespace Tsunagari.Features.Search;

/// <summary>Follows the outbox: every <see cref="SearchOptions.PollInterval"/>, or sooner when nudged.</summary>
public sealed class SearchIndexer(SearchIndex index, IOptions<SearchOptions> options, ILogger<SearchIndexer> logger) : BackgroundService
{
    private readonly SemaphoreSlim nudges = new(0, 1);

    /// <summary>Asks for the pending changes to be indexed without waiting for the next poll.</summary>
    public void Nudge()
    {
        try { nudges.Release(); }
        catch (SemaphoreFullException) { }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await index.CatchUpAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The indexer must survive a database outage; it retries on the next poll.
            catch (Exception e)
#pragma warning restore CA1031
            {
                logger.LogError(e, "Indexing search changes failed; retrying.");
            }
            try
            {
                await nudges.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public override void Dispose()
    {
        nudges.Dispose();
        base.Dispose();
    }
}
