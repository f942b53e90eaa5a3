namespace Tsunagari.Features.Engagement;

/// <summary>
/// Indicators computed once for a scope (an organization or a municipality) and a period, kept while the scope's
/// <see cref="IndicatorVersion"/> is unchanged, so that the public indicator pages read one row instead of every journey
/// of a municipality. <see cref="Figures"/> is the unsuppressed result as JSON; suppression is applied when shown.
/// </summary>
public sealed class IndicatorSnapshot
{
    public string Scope { get; private set; } = "";
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }

    /// <summary>The scope's version read before computing: a change during the computation leaves the snapshot stale.</summary>
    public long Version { get; set; }

    public DateTimeOffset ComputedAt { get; set; }
    public string Figures { get; set; } = "";

    private IndicatorSnapshot() { }

    public IndicatorSnapshot(string scope, DateOnly from, DateOnly to)
    {
        Scope = scope;
        From = from;
        To = to;
    }
}

/// <summary>A counter per indicator scope, raised in the transaction that changes journeys the scope's indicators read.</summary>
public sealed class IndicatorVersion
{
    public const int MaxScopeLength = 40;

    public string Scope { get; private set; } = "";
    public long Version { get; private set; }

    private IndicatorVersion() { }
}
