namespace Tsunagari.Features.Search;

/// <summary>
/// The outbox the search index follows: written in the same transaction as the change it records, so a crash can
/// delay the index but never leave it silently stale. Processed rows are deleted.
/// </summary>
public sealed class SearchChange
{
    public long Id { get; private set; }

    /// <summary>The entity's type name, e.g. "Opportunity".</summary>
    public string Entity { get; private set; } = "";

    public Guid EntityId { get; private set; }
    public DateTimeOffset ChangedAt { get; private set; }

    private SearchChange() { }

    public SearchChange(string entity, Guid entityId, DateTimeOffset changedAt)
    {
        Entity = entity;
        EntityId = entityId;
        ChangedAt = changedAt;
    }
}
