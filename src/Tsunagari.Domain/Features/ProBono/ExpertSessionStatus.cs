namespace Tsunagari.Features.ProBono;

/// <summary>
/// Requested → Assigned (proposed to a professional) → Scheduled → Held or NotHeld; or Declined by a coordinator, or
/// Cancelled by either side. A professional's decline sends it back to Requested.
/// </summary>
public enum ExpertSessionStatus
{
    Requested = 1,
    Assigned = 2,
    Scheduled = 3,
    Held = 4,
    NotHeld = 5,
    Declined = 6,
    Cancelled = 7,
}
