namespace Tsunagari.Features.ImpactEvaluation;

/// <summary>One outcome as the calculation takes it; percentages are fractions 0–1.</summary>
public sealed record SroiOutcome(
    string Name,
    string Stakeholder,
    decimal Quantity,
    decimal? Proxy,
    int DurationYears,
    decimal Deadweight,
    decimal Displacement,
    decimal Attribution,
    decimal DropOff);

public sealed record SroiInput(decimal DiscountRate, decimal Investment, IReadOnlyList<SroiOutcome> Outcomes);

/// <summary>An outcome's impact in each year (year 1 first) and their present value.</summary>
public sealed record SroiOutcomeResult(string Name, string Stakeholder, IReadOnlyList<decimal> YearlyImpacts, decimal PresentValue);

/// <summary>
/// The figures of an impact map. <see cref="PaybackMonths"/> is null when the first year has no impact (the investment
/// is never paid back).
/// </summary>
public sealed record SroiResult(
    IReadOnlyList<SroiOutcomeResult> Outcomes,
    decimal YearOneImpact,
    decimal PresentValue,
    decimal NetPresentValue,
    decimal Ratio,
    decimal? PaybackMonths);

/// <summary>What is wrong with an input: the field (camelCase, as in the API), the outcome's index when it is one's, and why.</summary>
public sealed record SroiProblem(string Field, int? Outcome, SroiProblemKind Kind);

public enum SroiProblemKind
{
    /// <summary>A percentage outside 0–1.</summary>
    NotAFraction = 1,

    /// <summary>The investment is zero or negative.</summary>
    NotPositive = 2,

    /// <summary>A duration outside 1–<see cref="Sroi.MaxDurationYears"/>.</summary>
    DurationOutOfRange = 3,

    /// <summary>An outcome without a financial proxy.</summary>
    Missing = 4,

    /// <summary>A quantity or proxy below zero or above <see cref="Sroi.MaxAmount"/>, or an investment below <see cref="Sroi.MinInvestment"/> or above <see cref="Sroi.MaxAmount"/>.</summary>
    OutOfRange = 5,

    /// <summary>No outcomes, or more than <see cref="Sroi.MaxOutcomes"/>.</summary>
    OutcomeCount = 6,

    /// <summary>A name or stakeholder longer than <see cref="Sroi.MaxTextLength"/>.</summary>
    TooLong = 7,
}

/// <summary>
/// Social return on investment, exactly as the issue and the SROI Network's guide define it:
/// <list type="bullet">
/// <item>impact in year 1 = quantity × proxy × (1 − deadweight) × (1 − displacement) × (1 − attribution);</item>
/// <item>impact in year t (2 ≤ t ≤ duration) = impact in year t−1 × (1 − drop-off);</item>
/// <item>present value = Σ over outcomes and years of impact_t ÷ (1 + r)^t (year 1 is discounted once);</item>
/// <item>net present value = present value − investment; ratio = present value ÷ investment;</item>
/// <item>payback in months = investment ÷ (Σ year-1 impact ÷ 12).</item>
/// </list>
/// Everything is <see cref="decimal"/> and nothing is rounded: rounding is the display's (yen to the unit, the ratio
/// to two decimals). The bounds checked by <see cref="Validate"/> keep every product far inside decimal's range, so a
/// valid input never overflows, divides by zero or yields anything but a number.
/// </summary>
public static class Sroi
{
    public const int MaxDurationYears = 50;
    public const int MaxOutcomes = 50;
    public const int MaxTextLength = 200;

    /// <summary>The largest quantity, proxy or investment (a trillion): ample, and 50 × 50 × 10¹² × 10¹² stays inside decimal.</summary>
    public const decimal MaxAmount = 1_000_000_000_000m;

    /// <summary>
    /// The smallest investment (one yen): the ratio divides by it, and the largest present value (50 × 50 × 10²⁴) divided
    /// by anything smaller could exceed decimal's range.
    /// </summary>
    public const decimal MinInvestment = 1m;

    public static IReadOnlyList<SroiProblem> Validate(SroiInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var problems = new List<SroiProblem>();
        if (input.DiscountRate is < 0m or > 1m) problems.Add(new("discountRate", null, SroiProblemKind.NotAFraction));
        if (input.Investment <= 0m) problems.Add(new("investment", null, SroiProblemKind.NotPositive));
        else if (input.Investment is < MinInvestment or > MaxAmount) problems.Add(new("investment", null, SroiProblemKind.OutOfRange));
        var outcomes = input.Outcomes ?? [];
        if (outcomes.Count is 0 or > MaxOutcomes) problems.Add(new("outcomes", null, SroiProblemKind.OutcomeCount));
        for (var i = 0; i < Math.Min(outcomes.Count, MaxOutcomes); i++)
        {
            var o = outcomes[i];
            if (o is null)
            {
                problems.Add(new("outcomes", i, SroiProblemKind.Missing));
                continue;
            }
            if ((o.Name?.Length ?? 0) > MaxTextLength) problems.Add(new("name", i, SroiProblemKind.TooLong));
            if ((o.Stakeholder?.Length ?? 0) > MaxTextLength) problems.Add(new("stakeholder", i, SroiProblemKind.TooLong));
            if (o.Quantity is < 0m or > MaxAmount) problems.Add(new("quantity", i, SroiProblemKind.OutOfRange));
            if (o.Proxy is null) problems.Add(new("proxy", i, SroiProblemKind.Missing));
            else if (o.Proxy is < 0m or > MaxAmount) problems.Add(new("proxy", i, SroiProblemKind.OutOfRange));
            if (o.DurationYears is < 1 or > MaxDurationYears) problems.Add(new("durationYears", i, SroiProblemKind.DurationOutOfRange));
            foreach (var (field, value) in new[] { ("deadweight", o.Deadweight), ("displacement", o.Displacement), ("attribution", o.Attribution), ("dropOff", o.DropOff) })
                if (value is < 0m or > 1m) problems.Add(new(field, i, SroiProblemKind.NotAFraction));
        }
        return problems;
    }

    /// <summary>The figures of a valid input (throws <see cref="ArgumentException"/> for one <see cref="Validate"/> refuses).</summary>
    public static SroiResult Calculate(SroiInput input)
    {
        if (Validate(input) is { Count: > 0 } problems)
            throw new ArgumentException("The impact map is not valid: " + string.Join(", ", problems), nameof(input));
        var rate = 1m + input.DiscountRate;
        var results = new List<SroiOutcomeResult>(input.Outcomes.Count);
        decimal yearOne = 0m, presentValue = 0m;
        foreach (var o in input.Outcomes)
        {
            var impacts = new decimal[o.DurationYears];
            var impact = o.Quantity * o.Proxy!.Value * (1m - o.Deadweight) * (1m - o.Displacement) * (1m - o.Attribution);
            decimal discount = 1m, outcomeValue = 0m;
            for (var t = 1; t <= o.DurationYears; t++)
            {
                if (t > 1) impact *= 1m - o.DropOff;
                impacts[t - 1] = impact;
                discount *= rate;
                outcomeValue += impact / discount;
            }
            yearOne += impacts[0];
            presentValue += outcomeValue;
            results.Add(new(o.Name ?? "", o.Stakeholder ?? "", impacts, outcomeValue));
        }
        return new(results, yearOne, presentValue, presentValue - input.Investment, presentValue / input.Investment,
            Payback(input.Investment, yearOne));
    }

    /// <summary>
    /// investment ÷ (year-1 impact ÷ 12), or null when it is never paid back: no impact in year 1, or one so small (a
    /// monthly impact that rounds to zero, or months beyond decimal's 7.9 × 10²⁸) that the division cannot be done.
    /// </summary>
    private static decimal? Payback(decimal investment, decimal yearOne)
    {
        var monthly = yearOne / 12m;
        if (monthly == 0m) return null;
        try
        {
            return investment / monthly;
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    /// <summary>
    /// One assumption moved down and up: the ratio at each end. <see cref="Outcome"/> is the outcome's index, or null for
    /// the discount rate.
    /// </summary>
    public sealed record Variation(string Field, int? Outcome, decimal Low, decimal High, decimal RatioAtLow, decimal RatioAtHigh)
    {
        /// <summary>How far the ratio moves between the two ends: the larger, the more the result depends on the assumption.</summary>
        public decimal Swing => Math.Abs(RatioAtHigh - RatioAtLow);
    }

    public sealed record SensitivityResult(decimal Ratio, decimal LowestRatio, decimal HighestRatio, IReadOnlyList<Variation> Variations);

    /// <summary>
    /// Moves each assumption on its own, the others kept: each percentage (and the discount rate) by ± <paramref name="percentStep"/>
    /// (kept within 0–1), each proxy by ± <paramref name="proxyStep"/> of itself (not below 0), each duration by ± 1 year
    /// (within 1–50). The variations come largest swing first; the range is the lowest and highest ratio among them.
    /// </summary>
    public static SensitivityResult Sensitivity(SroiInput input, decimal percentStep, decimal proxyStep)
    {
        var baseRatio = Calculate(input).Ratio;
        var step = Math.Clamp(percentStep, 0m, 1m);
        var proxyFactor = Math.Clamp(proxyStep, 0m, 1m);
        var variations = new List<Variation>
        {
            Vary("discountRate", null, input.DiscountRate, v => Fraction(v, step), v => input with { DiscountRate = v }),
        };
        for (var i = 0; i < input.Outcomes.Count; i++)
        {
            var index = i;
            var o = input.Outcomes[i];
            SroiInput With(SroiOutcome changed) => input with { Outcomes = [.. input.Outcomes.Select((x, j) => j == index ? changed : x)] };
            variations.Add(Vary("proxy", i, o.Proxy!.Value, v => (Math.Max(0m, v * (1m - proxyFactor)), Math.Min(MaxAmount, v * (1m + proxyFactor))), v => With(o with { Proxy = v })));
            variations.Add(Vary("durationYears", i, o.DurationYears, v => (Math.Max(1, v - 1), Math.Min(MaxDurationYears, v + 1)), v => With(o with { DurationYears = (int)v })));
            variations.Add(Vary("deadweight", i, o.Deadweight, v => Fraction(v, step), v => With(o with { Deadweight = v })));
            variations.Add(Vary("displacement", i, o.Displacement, v => Fraction(v, step), v => With(o with { Displacement = v })));
            variations.Add(Vary("attribution", i, o.Attribution, v => Fraction(v, step), v => With(o with { Attribution = v })));
            variations.Add(Vary("dropOff", i, o.DropOff, v => Fraction(v, step), v => With(o with { DropOff = v })));
        }
        // A stable sort: equal swings keep the map's order (the discount rate, then each outcome's assumptions), so the
        // table and chart read the same every time.
        variations = [.. variations.OrderByDescending(v => v.Swing)];
        var ratios = variations.SelectMany(v => new[] { v.RatioAtLow, v.RatioAtHigh }).Append(baseRatio).ToList();
        return new(baseRatio, ratios.Min(), ratios.Max(), variations);
    }

    private static (decimal Low, decimal High) Fraction(decimal value, decimal step) => (Math.Max(0m, value - step), Math.Min(1m, value + step));

    private static Variation Vary(string field, int? outcome, decimal value, Func<decimal, (decimal Low, decimal High)> range, Func<decimal, SroiInput> with)
    {
        var (low, high) = range(value);
        return new(field, outcome, low, high, Calculate(with(low)).Ratio, Calculate(with(high)).Ratio);
    }
}
