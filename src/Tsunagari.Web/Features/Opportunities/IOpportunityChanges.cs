namespace Tsunagari.Features.Opportunities;

/// <summary>
/// Told about an opportunity's changes, so features that build on opportunities (sign-ups and their notifications) can
/// act on them without this feature depending on them. Each implementation overrides what concerns it.
/// </summary>
public interface IOpportunityChanges
{
    /// <summary>Its time, dates or place changed; called before the change is saved, to add rows to the same transaction.</summary>
    Task ChangedAsync(Opportunity opportunity, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// It was cancelled (the reason is <see cref="Opportunity.CancellationReason"/>); called before the cancellation is
    /// saved, to add rows to the same transaction.
    /// </summary>
    Task CancelledAsync(Opportunity opportunity, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Its capacity was raised or removed; called after the change is saved.</summary>
    Task PlacesAddedAsync(Opportunity opportunity, CancellationToken cancellationToken) => Task.CompletedTask;
}
