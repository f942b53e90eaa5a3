namespace Tsunagari.Features.Opportunities;

/// <summary>Draft → Published → Closed or Cancelled. Only published opportunities are public.</summary>
public enum OpportunityStatus
{
    Draft = 1,
    Published = 2,

    /// <summary>No longer taking people (ended, or full for good).</summary>
    Closed = 3,

    /// <summary>Will not take place; people who signed up are told (sign-ups arrive with the engagement journey).</summary>
    Cancelled = 4,
}
