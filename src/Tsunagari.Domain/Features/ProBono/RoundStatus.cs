namespace Tsunagari.Features.ProBono;

/// <summary>Open while the coordinator forms teams; proposed once sent; closed when done.</summary>
public enum RoundStatus
{
    Open = 1,
    Proposed = 2,
    Closed = 3,
}
