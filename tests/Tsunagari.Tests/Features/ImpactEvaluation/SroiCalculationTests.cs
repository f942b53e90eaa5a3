using Tsunagari.Features.ImpactEvaluation;

namespace Tsunagari.Tests.Features.ImpactEvaluation;

/// <summary>
/// The SROI formulas on worked examples computed by hand (each step in the comments). The calculator works in decimal
/// without rounding; decimal keeps 28–29 significant digits, so a quotient that does not terminate (x ÷ 1.035) is
/// compared as Math.Round(value, 10) against the hand value to 10 decimal places, and everything that terminates
/// (impacts, products of fractions) is compared exactly.
/// </summary>
public sealed class SroiCalculationTests
{
    private static decimal R(decimal value) => Math.Round(value, 10);

    private static SroiOutcome Outcome(decimal quantity, decimal? proxy, int years = 1, decimal deadweight = 0m, decimal displacement = 0m,
        decimal attribution = 0m, decimal dropOff = 0m, string name = "成果", string stakeholder = "参加者") =>
        new(name, stakeholder, quantity, proxy, years, deadweight, displacement, attribution, dropOff);

    [Fact]
    public void A_one_year_outcome_without_discounts_is_discounted_once()
    {
        // 10 people × ¥50,000 = ¥500,000 in year 1 (no deadweight, displacement or attribution: × 1 × 1 × 1).
        // Present value: 500,000 ÷ 1.035¹ = 483,091.78743961352657… (500,000,000 ÷ 1,035).
        // NPV = 483,091.7874396135… − 100,000 = 383,091.7874396135…
        // Ratio = 483,091.78743961… ÷ 100,000 = 4.8309178744 (to 10 places).
        // Payback = 100,000 ÷ (500,000 ÷ 12) = 100,000 ÷ 41,666.66… = 2.4 months; 500,000 ÷ 12 does not terminate in decimal,
        // so the quotient is 2.4 only to 27 places: compared rounded.
        var result = Sroi.Calculate(new(0.035m, 100_000m, [Outcome(10m, 50_000m)]));

        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal([500_000m], outcome.YearlyImpacts);
        Assert.Equal(500_000m, result.YearOneImpact);
        Assert.Equal(483_091.7874396135m, R(outcome.PresentValue));
        Assert.Equal(483_091.7874396135m, R(result.PresentValue));
        Assert.Equal(383_091.7874396135m, R(result.NetPresentValue));
        Assert.Equal(4.8309178744m, R(result.Ratio));
        Assert.Equal(2.4m, R(result.PaybackMonths!.Value));
        Assert.Equal("成果", outcome.Name);
        Assert.Equal("参加者", outcome.Stakeholder);
    }

    [Fact]
    public void Three_years_with_all_four_discounts_follow_the_formulas_year_by_year()
    {
        // Quantity 20, proxy ¥10,000, deadweight 25 %, displacement 10 %, attribution 20 %, drop-off 50 %, 3 years, r = 3.5 %.
        // Year 1: 20 × 10,000 = 200,000; × (1 − 0.25) = 150,000; × (1 − 0.1) = 135,000; × (1 − 0.2) = 108,000.
        // Year 2: 108,000 × (1 − 0.5) = 54,000.   Year 3: 54,000 × 0.5 = 27,000.   (All exact.)
        // Discount factors: 1.035, 1.035² = 1.071225, 1.035³ = 1.108717875 (exact).
        // Terms: 108,000 ÷ 1.035       = 104,347.826086956521739… → 104,347.8260869565
        //         54,000 ÷ 1.071225    =  50,409.577819785759294… →  50,409.5778197858
        //         27,000 ÷ 1.108717875 =  24,352.453053036598692… →  24,352.4530530366
        // Present value = 179,109.856959778879726… → 179,109.8569597789 (summed before rounding).
        // Investment ¥50,000: NPV = 129,109.8569597789; ratio = 179,109.85695977… ÷ 50,000 = 3.5821971392.
        // Payback = 50,000 ÷ (108,000 ÷ 12) = 50,000 ÷ 9,000 = 5.5555… months → 5.5555555556.
        var input = new SroiInput(0.035m, 50_000m, [Outcome(20m, 10_000m, 3, 0.25m, 0.1m, 0.2m, 0.5m)]);
        var result = Sroi.Calculate(input);

        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal([108_000m, 54_000m, 27_000m], outcome.YearlyImpacts);
        Assert.Equal(104_347.8260869565m, R(108_000m / 1.035m));
        Assert.Equal(50_409.5778197858m, R(54_000m / 1.071225m));
        Assert.Equal(24_352.4530530366m, R(27_000m / 1.108717875m));
        Assert.Equal(179_109.8569597789m, R(outcome.PresentValue));
        Assert.Equal(179_109.8569597789m, R(result.PresentValue));
        Assert.Equal(129_109.8569597789m, R(result.NetPresentValue));
        Assert.Equal(3.5821971392m, R(result.Ratio));
        Assert.Equal(108_000m, result.YearOneImpact);
        Assert.Equal(5.5555555556m, R(result.PaybackMonths!.Value));
    }

    [Fact]
    public void Two_outcomes_of_different_durations_add_up()
    {
        // r = 5 % (factors 1.05 and 1.05² = 1.1025), investment ¥200,000.
        // Outcome 1: 10 × 30,000 = 300,000 × (1 − 0.2) × (1 − 0) × (1 − 0.5) = 120,000 in year 1; drop-off 10 %: 108,000 in year 2.
        //   PV = 120,000 ÷ 1.05 + 108,000 ÷ 1.1025 = 114,285.714285… + 97,959.183673469… = 212,244.8979591837 (10 places).
        // Outcome 2: 4 × 100,000 = 400,000 × (1 − 0.25) = 300,000, one year. PV = 300,000 ÷ 1.05 = 285,714.2857142857.
        // Together: the year-1 terms are 420,000 ÷ 1.05 = 400,000 exactly, so PV = 400,000 + 97,959.1836734694 = 497,959.1836734694.
        // NPV = 297,959.1836734694; ratio = 497,959.18367… ÷ 200,000 = 2.4897959184.
        // Year-1 impact = 120,000 + 300,000 = 420,000; ÷ 12 = 35,000 a month; payback = 200,000 ÷ 35,000 = 5.714285… → 5.7142857143.
        var input = new SroiInput(0.05m, 200_000m,
        [
            Outcome(10m, 30_000m, 2, deadweight: 0.2m, attribution: 0.5m, dropOff: 0.1m, name: "孤立の解消"),
            Outcome(4m, 100_000m, 1, displacement: 0.25m, name: "就労", stakeholder: "若者"),
        ]);
        var result = Sroi.Calculate(input);

        Assert.Equal([120_000m, 108_000m], result.Outcomes[0].YearlyImpacts);
        Assert.Equal([300_000m], result.Outcomes[1].YearlyImpacts);
        Assert.Equal(212_244.8979591837m, R(result.Outcomes[0].PresentValue));
        Assert.Equal(285_714.2857142857m, R(result.Outcomes[1].PresentValue));
        Assert.Equal(["孤立の解消", "就労"], result.Outcomes.Select(o => o.Name));
        Assert.Equal("若者", result.Outcomes[1].Stakeholder);
        Assert.Equal(420_000m, result.YearOneImpact);
        Assert.Equal(497_959.1836734694m, R(result.PresentValue));
        Assert.Equal(297_959.1836734694m, R(result.NetPresentValue));
        Assert.Equal(2.4897959184m, R(result.Ratio));
        Assert.Equal(5.7142857143m, R(result.PaybackMonths!.Value));
    }

    [Fact]
    public void A_zero_quantity_gives_no_value_and_no_payback_without_dividing_by_zero()
    {
        // 0 × 50,000 = 0 every year: PV 0, NPV = −investment, ratio 0 ÷ 100,000 = 0; payback would be 100,000 ÷ (0 ÷ 12): null.
        var result = Sroi.Calculate(new(0.035m, 100_000m, [Outcome(0m, 50_000m, 3, dropOff: 0.1m)]));

        Assert.Equal([0m, 0m, 0m], result.Outcomes[0].YearlyImpacts);
        Assert.Equal(0m, result.PresentValue);
        Assert.Equal(-100_000m, result.NetPresentValue);
        Assert.Equal(0m, result.Ratio);
        Assert.Null(result.PaybackMonths);
    }

    [Fact]
    public void A_year_one_impact_too_small_for_the_months_is_never_paid_back()
    {
        // 10⁻²⁸ (decimal's smallest step) ÷ 12 rounds to 0: the payback would divide by zero. 10⁻¹⁶ ÷ 12 is a number, but
        // 10¹² ÷ that (1.2 × 10²⁹ months) is beyond decimal: both are "never", not an exception.
        Assert.Null(Sroi.Calculate(new(0m, 1m, [Outcome(0.0000000000000000000000000001m, 1m)])).PaybackMonths);
        Assert.Null(Sroi.Calculate(new(0m, Sroi.MaxAmount, [Outcome(0.0000000000000001m, 1m)])).PaybackMonths);
    }

    [Fact]
    public void The_largest_valid_map_stays_inside_decimal()
    {
        // 50 outcomes × 50 years × 10¹² × 10¹² at r = 0 and no drop-off: PV = 2,500 × 10²⁴ = 2.5 × 10²⁷, ratio over ¥1 the same.
        var outcomes = Enumerable.Range(0, Sroi.MaxOutcomes).Select(_ => Outcome(Sroi.MaxAmount, Sroi.MaxAmount, Sroi.MaxDurationYears)).ToList();
        var result = Sroi.Calculate(new(0m, Sroi.MinInvestment, outcomes));
        Assert.Equal(2_500m * Sroi.MaxAmount * Sroi.MaxAmount, result.PresentValue);
        Assert.Equal(result.PresentValue, result.Ratio);
        // Payback = 1 ÷ (5 × 10²⁵ ÷ 12) = 2.4 × 10⁻²⁵ months: a number, far below a second.
        Assert.InRange(result.PaybackMonths!.Value, 0.00000000000000000000000023m, 0.00000000000000000000000025m);
    }

    public static TheoryData<string, int?, SroiProblemKind, SroiInput> BadInputs()
    {
        var good = Outcome(10m, 1_000m);
        SroiInput With(SroiOutcome o) => new(0.035m, 1_000m, [o]);
        return new()
        {
            { "discountRate", null, SroiProblemKind.NotAFraction, new(-0.01m, 1_000m, [good]) },
            { "discountRate", null, SroiProblemKind.NotAFraction, new(1.01m, 1_000m, [good]) },
            { "deadweight", 0, SroiProblemKind.NotAFraction, With(good with { Deadweight = -0.1m }) },
            { "displacement", 0, SroiProblemKind.NotAFraction, With(good with { Displacement = 1.5m }) },
            { "attribution", 0, SroiProblemKind.NotAFraction, With(good with { Attribution = 1.0001m }) },
            { "dropOff", 0, SroiProblemKind.NotAFraction, With(good with { DropOff = -0.0001m }) },
            { "investment", null, SroiProblemKind.NotPositive, new(0.035m, 0m, [good]) },
            { "investment", null, SroiProblemKind.NotPositive, new(0.035m, -5_000m, [good]) },
            { "investment", null, SroiProblemKind.OutOfRange, new(0.035m, 0.5m, [good]) },
            { "investment", null, SroiProblemKind.OutOfRange, new(0.035m, Sroi.MaxAmount + 1m, [good]) },
            { "durationYears", 0, SroiProblemKind.DurationOutOfRange, With(good with { DurationYears = 0 }) },
            { "durationYears", 0, SroiProblemKind.DurationOutOfRange, With(good with { DurationYears = 51 }) },
            { "proxy", 0, SroiProblemKind.Missing, With(good with { Proxy = null }) },
            { "proxy", 0, SroiProblemKind.OutOfRange, With(good with { Proxy = -1m }) },
            { "quantity", 0, SroiProblemKind.OutOfRange, With(good with { Quantity = -1m }) },
            { "quantity", 0, SroiProblemKind.OutOfRange, With(good with { Quantity = Sroi.MaxAmount + 1m }) },
            { "name", 0, SroiProblemKind.TooLong, With(good with { Name = new string('あ', Sroi.MaxTextLength + 1) }) },
            { "stakeholder", 0, SroiProblemKind.TooLong, With(good with { Stakeholder = new string('あ', Sroi.MaxTextLength + 1) }) },
            { "outcomes", null, SroiProblemKind.OutcomeCount, new(0.035m, 1_000m, []) },
            { "outcomes", null, SroiProblemKind.OutcomeCount, new(0.035m, 1_000m, [.. Enumerable.Repeat(good, Sroi.MaxOutcomes + 1)]) },
            { "outcomes", 0, SroiProblemKind.Missing, new(0.035m, 1_000m, [null!]) },
        };
    }

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Each_bad_input_is_one_named_problem_and_is_not_calculated(string field, int? outcome, SroiProblemKind kind, SroiInput input)
    {
        Assert.Equal([new SroiProblem(field, outcome, kind)], Sroi.Validate(input));
        Assert.Throws<ArgumentException>(() => Sroi.Calculate(input));
        Assert.Throws<ArgumentException>(() => Sroi.Sensitivity(input, 0.1m, 0.2m));
    }

    [Fact]
    public void The_edges_are_valid()
    {
        // 0 and 1 are fractions, 1 and 50 years are durations, ¥1 and ¥10¹² are investments, a proxy of 0 is a proxy.
        var edge = new SroiInput(1m, 1m, [Outcome(0m, 0m, 1, 1m, 1m, 1m, 1m), Outcome(Sroi.MaxAmount, Sroi.MaxAmount, 50)]);
        Assert.Empty(Sroi.Validate(edge));
        Assert.Empty(Sroi.Validate(new(0m, Sroi.MaxAmount, [Outcome(1m, 1m)])));
    }

    [Fact]
    public void Problems_name_every_field_of_every_outcome()
    {
        var input = new SroiInput(2m, 0m, [Outcome(1m, 1m), Outcome(-1m, null, 0, 2m, 2m, 2m, 2m)]);
        Assert.Equal(
            [
                new SroiProblem("discountRate", null, SroiProblemKind.NotAFraction), new("investment", null, SroiProblemKind.NotPositive),
                new("quantity", 1, SroiProblemKind.OutOfRange), new("proxy", 1, SroiProblemKind.Missing), new("durationYears", 1, SroiProblemKind.DurationOutOfRange),
                new("deadweight", 1, SroiProblemKind.NotAFraction), new("displacement", 1, SroiProblemKind.NotAFraction),
                new("attribution", 1, SroiProblemKind.NotAFraction), new("dropOff", 1, SroiProblemKind.NotAFraction),
            ],
            Sroi.Validate(input));
    }

    /// <summary>
    /// The small map of the sensitivity tests: 10 × ¥10,000 = 100,000 × (1 − 0.2) × (1 − 0) × (1 − 0.5) = ¥40,000 in one
    /// year, r = 0 (so PV = 40,000), investment ¥40,000: ratio exactly 1.
    /// </summary>
    private static SroiInput Small => new(0m, 40_000m, [Outcome(10m, 10_000m, 1, deadweight: 0.2m, attribution: 0.5m)]);

    [Fact]
    public void Sensitivity_moves_each_assumption_alone_and_orders_by_swing()
    {
        // Steps: percentages ± 0.1, proxy ± 20 %.
        //  durationYears 1: low max(1, 0) = 1 (floor) → ratio 1; high 2 → 40,000 + 40,000 (no drop-off, r = 0) → 2.   swing 1
        //  proxy 10,000: low 8,000 → 32,000 → 0.8; high 12,000 → 48,000 → 1.2.                                      swing 0.4
        //  attribution 0.5: low 0.4 → 100,000 × 0.8 × 0.6 = 48,000 → 1.2; high 0.6 → 32,000 → 0.8.                swing 0.4
        //  deadweight 0.2: low 0.1 → 100,000 × 0.9 × 0.5 = 45,000 → 1.125; high 0.3 → 35,000 → 0.875.             swing 0.25
        //  displacement 0: low max(0, −0.1) = 0 (clamped) → 1; high 0.1 → 36,000 → 0.9.                              swing 0.1
        //  discountRate 0: low 0 (clamped) → 1; high 0.1 → 40,000 ÷ 1.1 ÷ 40,000 = 0.9090909091.                   swing 0.0909090909
        //  dropOff 0: low 0, high 0.1; one year has no drop-off → 1 and 1.                                            swing 0
        // Proxy and attribution tie at 0.4: they keep the map's order (proxy first). Range: 0.8 to 2.
        var sensitivity = Sroi.Sensitivity(Small, 0.1m, 0.2m);

        Assert.Equal(1m, sensitivity.Ratio);
        Assert.Equal(["durationYears", "proxy", "attribution", "deadweight", "displacement", "discountRate", "dropOff"], sensitivity.Variations.Select(v => v.Field));
        Assert.Equal([0, 0, 0, 0, 0, null, 0], sensitivity.Variations.Select(v => v.Outcome));
        var v = sensitivity.Variations.ToDictionary(x => x.Field);
        Assert.Equal((1m, 2m, 1m, 2m, 1m), (v["durationYears"].Low, v["durationYears"].High, v["durationYears"].RatioAtLow, v["durationYears"].RatioAtHigh, v["durationYears"].Swing));
        Assert.Equal((8_000m, 12_000m, 0.8m, 1.2m, 0.4m), (v["proxy"].Low, v["proxy"].High, v["proxy"].RatioAtLow, v["proxy"].RatioAtHigh, v["proxy"].Swing));
        Assert.Equal((0.4m, 0.6m, 1.2m, 0.8m, 0.4m), (v["attribution"].Low, v["attribution"].High, v["attribution"].RatioAtLow, v["attribution"].RatioAtHigh, v["attribution"].Swing));
        Assert.Equal((0.1m, 0.3m, 1.125m, 0.875m, 0.25m), (v["deadweight"].Low, v["deadweight"].High, v["deadweight"].RatioAtLow, v["deadweight"].RatioAtHigh, v["deadweight"].Swing));
        Assert.Equal((0m, 0.1m, 1m, 0.9m, 0.1m), (v["displacement"].Low, v["displacement"].High, v["displacement"].RatioAtLow, v["displacement"].RatioAtHigh, v["displacement"].Swing));
        Assert.Equal((0m, 0.1m, 1m), (v["discountRate"].Low, v["discountRate"].High, v["discountRate"].RatioAtLow));
        Assert.Equal(0.9090909091m, R(v["discountRate"].RatioAtHigh));
        Assert.Equal(0m, v["dropOff"].Swing);
        Assert.Equal(0.8m, sensitivity.LowestRatio);
        Assert.Equal(2m, sensitivity.HighestRatio);
    }

    [Fact]
    public void Sensitivity_clamps_percentages_at_0_and_1_and_durations_at_50()
    {
        // Step 0.6 on the small map:
        //  attribution 0.5: low max(0, −0.1) = 0 → 100,000 × 0.8 × 1 = 80,000 → 2; high min(1, 1.1) = 1 → 0 → ratio 0.
        //  deadweight 0.2: low 0 → 100,000 × 1 × 0.5 = 50,000 → 1.25; high 0.8 → 100,000 × 0.2 × 0.5 = 10,000 → 0.25.
        // A proxy step of 100 %: low 0 → ratio 0, high 20,000 → 2.
        var sensitivity = Sroi.Sensitivity(Small, 0.6m, 1m);
        var v = sensitivity.Variations.ToDictionary(x => x.Field);
        Assert.Equal((0m, 1m, 2m, 0m), (v["attribution"].Low, v["attribution"].High, v["attribution"].RatioAtLow, v["attribution"].RatioAtHigh));
        Assert.Equal((0m, 0.8m, 1.25m, 0.25m), (v["deadweight"].Low, v["deadweight"].High, v["deadweight"].RatioAtLow, v["deadweight"].RatioAtHigh));
        Assert.Equal((0m, 20_000m, 0m, 2m), (v["proxy"].Low, v["proxy"].High, v["proxy"].RatioAtLow, v["proxy"].RatioAtHigh));
        Assert.Equal(0m, sensitivity.LowestRatio);
        Assert.Equal(2m, sensitivity.HighestRatio);

        // 50 years stays 50 at the top: low 49 years, high 50. With r = 0 and no drop-off: ratio 49 and 50.
        var long50 = new SroiInput(0m, 40_000m, [Outcome(10m, 10_000m, 50, deadweight: 0.2m, attribution: 0.5m)]);
        var years = Sroi.Sensitivity(long50, 0.1m, 0.2m).Variations.Single(x => x.Field == "durationYears");
        Assert.Equal((49m, 50m, 49m, 50m), (years.Low, years.High, years.RatioAtLow, years.RatioAtHigh));
    }
}
