namespace Tsunagari.Features.Opportunities;

/// <summary>
/// Told about an opportunity's changes before they are saved, so features that build on opportunities (sign-ups'
/// notifications) can add their rows to the same transaction without this feature depending on them.
/// </summary>
public interface IOpportunityChanges
{
    /// <summary>Its time, dates or place changed.</summary>
    Task ChangedAsync(Opportunity opportunity, CancellationToken cancellationToken);

    /// <summary>It was cancelled; the reason is <see cref="Opportunity.CancellationReason"/>.</summary>
    Task CancelledAsync(Opportunity opportunity, CancellationToken cancellationToken);
}
