using Tsunagari.Features.Engagement;

namespace Tsunagari.Features.ImpactEvaluation;

/// <summary>
/// How an output or outcome of a logic model is measured: a definition and unit, whether more is better, a baseline,
/// targets by date, and where the actual values come from.
/// </summary>
public sealed class Indicator
{
    public const int MaxNameLength = 200;
    public const int MaxDefinitionLength = 2000;
    public const int MaxUnitLength = 40;
    public const int MaxTargets = 20;

    /// <summary>Values (baselines, targets, measurements) stay within ± this: enough for yen and people at prefecture scale.</summary>
    public const decimal MaxValue = 1_000_000_000_000m;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid LogicModelId { get; private set; }

    /// <summary>The output or outcome it measures.</summary>
    public Guid ElementId { get; set; }

    public string Name { get; set; } = "";
    public string Definition { get; set; } = "";
    public string Unit { get; set; } = "";
    public IndicatorDirection Direction { get; set; } = IndicatorDirection.Increase;
    public decimal? Baseline { get; set; }
    public DateOnly? BaselineDate { get; set; }
    public IndicatorSource Source { get; set; }

    /// <summary>What the platform counts, when <see cref="Source"/> is <see cref="IndicatorSource.Platform"/>.</summary>
    public PlatformMeasure? Measure { get; set; }

    /// <summary>The stage reached, for <see cref="PlatformMeasure.ReachedStage"/>.</summary>
    public JourneyStage? Stage { get; set; }

    /// <summary>Targets by date, earliest first.</summary>
    public List<IndicatorTarget> Targets { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }

    private Indicator() { }

    public Indicator(Guid logicModelId, Guid elementId, string name, IndicatorSource source, DateTimeOffset now)
    {
        LogicModelId = logicModelId;
        ElementId = elementId;
        Name = name;
        Source = source;
        CreatedAt = now;
    }

    /// <summary>Replaces the targets (one per date), sorted by date.</summary>
    public void SetTargets(IEnumerable<IndicatorTarget> targets)
    {
        Targets.Clear();
        Targets.AddRange(targets.OrderBy(t => t.Date));
    }
}

/// <summary>A target value to reach by a date.</summary>
public sealed record IndicatorTarget(DateOnly Date, decimal Value);

public enum IndicatorDirection
{
    /// <summary>More is better (people reached, hours).</summary>
    Increase = 1,

    /// <summary>Less is better (isolation, dropouts).</summary>
    Decrease = 2,
}

public enum IndicatorSource
{
    /// <summary>Computed live from the platform's records for the organization and the evaluation period.</summary>
    Platform = 1,

    /// <summary>Measured by the organization and recorded by hand, with evidence attached.</summary>
    Manual = 2,

    /// <summary>A survey's result (a share or a mean score) with its number of respondents.</summary>
    Survey = 3,
}

/// <summary>What the platform can count for an organization over a period.</summary>
public enum PlatformMeasure
{
    /// <summary>People who attended at least once (checked in).</summary>
    Participants = 1,

    /// <summary>People whose first attendance with the organization fell in the period.</summary>
    Newcomers = 2,

    /// <summary>Hours credited for attendance, plus approved hours reports.</summary>
    VolunteerHours = 3,

    /// <summary>Sign-ups made (not cancelled).</summary>
    SignUps = 4,

    /// <summary>People who reached a stage of the journey (or a later one) with the organization in the period.</summary>
    ReachedStage = 5,

    /// <summary>Completed pro bono projects whose deliverable the organization reported in use.</summary>
    ProBonoDeliverablesInUse = 6,
}
