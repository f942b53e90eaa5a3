namespace Tsunagari.Features.ImpactEvaluation;

/// <summary>
/// The SROI impact map of a logic model's evaluation: the investment, the outcomes with their quantities, financial
/// proxies and the four discounts, and the settings of the calculation and its sensitivity analysis. The figures are
/// computed by <see cref="Sroi"/> whenever shown, never stored (a frozen snapshot keeps them as they were).
/// </summary>
public sealed class ImpactMap
{
    public const decimal DefaultDiscountRate = 0.035m;
    public const decimal DefaultPercentStep = 0.1m;
    public const decimal DefaultProxyStep = 0.2m;
    public const int MaxOutcomes = 50;
    public const int MaxInvestments = 30;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid LogicModelId { get; private set; }

    /// <summary>The annual discount rate, a fraction (0.035 is 3.5 %, the UK Green Book's rate SROI guides use).</summary>
    public decimal DiscountRate { get; set; } = DefaultDiscountRate;

    /// <summary>Sensitivity: how much each percentage (deadweight, displacement, attribution, drop-off, discount rate) moves, as a fraction.</summary>
    public decimal PercentStep { get; set; } = DefaultPercentStep;

    /// <summary>Sensitivity: how much each financial proxy moves, as a fraction of itself.</summary>
    public decimal ProxyStep { get; set; } = DefaultProxyStep;

    public List<InvestmentItem> Investments { get; private set; } = [];
    public List<ImpactOutcome> Outcomes { get; private set; } = [];

    public DateTimeOffset UpdatedAt { get; set; }

    private ImpactMap() { }

    public ImpactMap(Guid logicModelId, DateTimeOffset now)
    {
        LogicModelId = logicModelId;
        UpdatedAt = now;
    }

    /// <summary>The investment in yen: the sum of the inputs' values.</summary>
    public decimal Investment => Investments.Sum(i => i.Value);
}

/// <summary>
/// An input valued in yen: money (an amount) or time (hours at a stated hourly rate, e.g. volunteer time at the
/// prefecture's minimum wage).
/// </summary>
public sealed record InvestmentItem(string Description, decimal? Amount, decimal? Hours, decimal? HourlyRate)
{
    public const int MaxDescriptionLength = 200;

    public decimal Value => Amount ?? (Hours ?? 0m) * (HourlyRate ?? 0m);
}

/// <summary>One row of the impact map: an outcome for a stakeholder and the assumptions that value it.</summary>
public sealed class ImpactOutcome
{
    public const int MaxNameLength = 200;
    public const int MaxSourceLength = 500;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid ImpactMapId { get; private set; }
    public int Order { get; set; }
    public string Stakeholder { get; set; } = "";
    public string Name { get; set; } = "";

    /// <summary>How many (people, hours, …) experience the outcome.</summary>
    public decimal Quantity { get; set; }

    /// <summary>The indicator the quantity was taken from, if any (the map records the number it used).</summary>
    public Guid? IndicatorId { get; set; }

    /// <summary>The financial proxy: the value in yen of one unit of the outcome; null until found (the map cannot be calculated).</summary>
    public decimal? Proxy { get; set; }

    /// <summary>Where the proxy's value comes from (a study, a price, a cost avoided).</summary>
    public string ProxySource { get; set; } = "";

    public int DurationYears { get; set; } = 1;

    /// <summary>Fractions 0–1: what would have happened anyway, what was displaced, what others contributed, and the yearly decline after the first year.</summary>
    public decimal Deadweight { get; set; }
    public decimal Displacement { get; set; }
    public decimal Attribution { get; set; }
    public decimal DropOff { get; set; }

    private ImpactOutcome() { }

    public ImpactOutcome(Guid impactMapId, int order)
    {
        ImpactMapId = impactMapId;
        Order = order;
    }
}
