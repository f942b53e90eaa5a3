using Tsunagari.Features.Funds;

namespace Tsunagari.Tests.Features.Funds;

/// <summary>
/// The settlement of a social impact bond on worked examples computed by hand (each step in the comments): step tables,
/// linear rules with their ends and rounding, the cap cutting later lines, unmeasured results, bad terms, and the pro-rata
/// distribution to investors with their returns.
/// </summary>
public sealed class SibSettlementTests
{
    /// <summary>
    /// The demo's shape (like Kobe City's 2017 SIB, not its real terms): cap ¥34,060,000; fixed ¥15,000,000; completion rate
    /// (≥60 % → ¥1,000,000, ≥80 % → ¥2,000,000); lifestyle improvement (≥40 % → ¥1,000,000, ≥60 % → ¥2,000,000); kidney
    /// function held (linear from 50 % to 90 %, up to ¥15,060,000). Maximums: 15,000,000 + 2,000,000 + 2,000,000 + 15,060,000 = 34,060,000.
    /// </summary>
    internal static SibTerms KobeShaped() => new(34_060_000m, 15_000_000m,
    [
        new("プログラム修了率", "%", new DateOnly(2018, 3, 31), SibRule.StepTable(new(60m, 1_000_000m), new(80m, 2_000_000m))),
        new("生活習慣改善率", "%", new DateOnly(2018, 9, 30), SibRule.StepTable(new(40m, 1_000_000m), new(60m, 2_000_000m))),
        new("腎機能低下抑制率", "%", new DateOnly(2020, 3, 31), SibRule.Linear(50m, 90m, 15_060_000m)),
    ]);

    [Fact]
    public void The_kobe_shaped_contract_pays_the_fixed_payment_the_steps_reached_and_the_line_between()
    {
        // Fixed 15,000,000. Completion 85 % ≥ 80 → 2,000,000. Lifestyle 55 %: ≥ 40 but < 60 → 1,000,000.
        // Kidney 70 %: 15,060,000 × (70 − 50) ÷ (90 − 50) = 15,060,000 × 0.5 = 7,530,000.
        // Total 15,000,000 + 2,000,000 + 1,000,000 + 7,530,000 = 25,530,000 (below the cap: nothing cut).
        var result = SibSettlement.Settle(KobeShaped(), [85m, 55m, 70m]);

        Assert.Equal([15_000_000m, 2_000_000m, 1_000_000m, 7_530_000m], result.Lines.Select(l => l.Paid));
        Assert.Equal([null, 0, 1, 2], result.Lines.Select(l => l.Outcome));
        Assert.Equal(25_530_000m, result.Total);
        Assert.Equal(34_060_000m, result.WorstCase);
        Assert.Equal(34_060_000m, result.MaximumBeforeCap);
        Assert.False(result.CapApplied);
    }

    [Fact]
    public void Every_target_met_pays_exactly_the_cap_and_nothing_measured_pays_the_fixed_payment()
    {
        // 15,000,000 + 2,000,000 + 2,000,000 + 15,060,000 (95 % ≥ 90: the maximum) = 34,060,000 = the cap.
        Assert.Equal(34_060_000m, SibSettlement.Settle(KobeShaped(), [100m, 60m, 95m]).Total);
        var none = SibSettlement.Settle(KobeShaped(), []);
        Assert.Equal(15_000_000m, none.Total);
        Assert.All(none.Lines.Skip(1), l => Assert.Null(l.Result));
    }

    [Theory]
    [InlineData(59.99, 0)]           // below the lowest threshold
    [InlineData(60, 1_000_000)]       // exactly at a threshold: reached
    [InlineData(79.9, 1_000_000)]
    [InlineData(80, 2_000_000)]
    [InlineData(120, 2_000_000)]      // above the highest: its amount, no more
    public void A_step_table_pays_the_highest_threshold_reached(double result, double paid) =>
        Assert.Equal((decimal)paid, SibRule.StepTable(new(60m, 1_000_000m), new(80m, 2_000_000m)).Earn((decimal)result));

    [Theory]
    [InlineData(-5, 0)]               // below the lower threshold
    [InlineData(0, 0)]                // at it: still nothing
    [InlineData(1, 333_333)]          // 1,000,000 × 1/3 = 333,333.33… rounded down
    [InlineData(2, 666_666)]          // 666,666.66… rounded down, never up
    [InlineData(2.5, 833_333)]        // 1,000,000 × 2.5/3 = 833,333.33…
    [InlineData(3, 1_000_000)]        // at the upper target: the maximum
    [InlineData(7, 1_000_000)]        // above it: the maximum, no more
    public void A_linear_rule_is_zero_below_the_lower_threshold_the_maximum_at_the_target_and_rounds_down_between(double result, double paid) =>
        Assert.Equal((decimal)paid, SibRule.Linear(0m, 3m, 1_000_000m).Earn((decimal)result));

    [Fact]
    public void The_cap_cuts_the_line_measured_last_however_the_contract_lists_them()
    {
        // Cap 10,000,000; fixed 4,000,000. Outcome 0 is measured in 2025, outcome 1 in 2024: outcome 1 is paid first,
        // in full (5,000,000; running total 9,000,000), and outcome 0 only the 1,000,000 left under the cap.
        var terms = new SibTerms(10_000_000m, 4_000_000m,
        [
            new("後の指標", "人", new DateOnly(2025, 1, 1), SibRule.Linear(0m, 10m, 5_000_000m)),
            new("先の指標", "人", new DateOnly(2024, 1, 1), SibRule.Linear(0m, 10m, 5_000_000m)),
        ]);
        var result = SibSettlement.Settle(terms, [10m, 10m]);

        Assert.Equal([4_000_000m, 1_000_000m, 5_000_000m], result.Lines.Select(l => l.Paid));
        Assert.Equal(5_000_000m, result.Lines[1].Earned);
        Assert.True(result.Lines[1].CutByCap);
        Assert.True(result.CapApplied);
        Assert.Equal(10_000_000m, result.Total);
        Assert.Equal(10_000_000m, result.WorstCase);
        Assert.Equal(14_000_000m, result.MaximumBeforeCap);
        // Approvals one at a time keep to the same cap: 9,000,000 paid leaves 1,000,000 whatever the line earns.
        Assert.Equal(1_000_000m, SibSettlement.Payable(5_000_000m, 10_000_000m, 9_000_000m));
        Assert.Equal(0m, SibSettlement.Payable(5_000_000m, 10_000_000m, 10_000_000m));
    }

    [Fact]
    public void Bad_terms_are_named_by_their_json_path()
    {
        var terms = new SibTerms(0.5m, 2m,
        [
            new(" ", "%", null, SibRule.StepTable(new(50m, 2_000m), new(50m, 1_000m))),
            new("率", "%", null, SibRule.Linear(5m, 5m, 0m)),
            new("率", "%", null, new SibRule(SibRuleKind.Linear, [])),
            null,
        ]);
        var problems = SibSettlement.Validate(terms, [1m, null, 2_000_000_000_000m, null, 3m]);

        Assert.Contains(new SibProblem("cap", SibProblemKind.Amount, AmountProblem.NotWholeYen), problems);
        Assert.Contains(new SibProblem("outcomes[0].indicator", SibProblemKind.Required), problems);
        Assert.Contains(new SibProblem("outcomes[0].rule.steps[1].threshold", SibProblemKind.StepsNotAscending), problems);
        Assert.Contains(new SibProblem("outcomes[0].rule.steps[1].amount", SibProblemKind.StepAmountsDecreasing), problems);
        Assert.Contains(new SibProblem("outcomes[1].rule.upper", SibProblemKind.LowerNotBelowUpper), problems);
        Assert.Contains(new SibProblem("outcomes[1].rule.maxAmount", SibProblemKind.Amount, AmountProblem.NotPositive), problems);
        Assert.Contains(new SibProblem("outcomes[2].rule.lower", SibProblemKind.Required), problems);
        Assert.Contains(new SibProblem("outcomes[3]", SibProblemKind.Required), problems);
        Assert.Contains(new SibProblem("results", SibProblemKind.TooManyResults), problems);
        Assert.Contains(new SibProblem("results[2]", SibProblemKind.OutOfRange), problems);
        Assert.Throws<ArgumentException>(() => SibSettlement.Settle(terms, []));
    }

    [Fact]
    public void A_fixed_payment_above_the_cap_and_a_contract_without_outcomes_are_refused()
    {
        var problems = SibSettlement.Validate(new SibTerms(1_000m, 2_000m, []));
        Assert.Contains(new SibProblem("fixedPayment", SibProblemKind.FixedAboveCap), problems);
        Assert.Contains(new SibProblem("outcomes", SibProblemKind.NoOutcomes), problems);
        Assert.Empty(SibSettlement.Validate(KobeShaped(), [85m, 55m, 70m]));
    }

    [Fact]
    public void Approved_payments_are_distributed_pro_rata_to_what_each_investor_put_in()
    {
        // Invested 10,000,000 + 5,000,000 + 3,000,000 = 18,000,000; paid 25,530,000 (the first example).
        // Exact shares: 25,530,000 × 10/18 = 14,183,333.33…, × 5/18 = 7,091,666.66…, × 3/18 = 4,255,000.
        // Rounded down they sum to 25,529,999; the yen left goes to the largest remainder (0.66…: the second investor).
        // Returns: 4,183,333 (41.83 %), 2,091,667 (41.83 %), 1,255,000 (41.83 %).
        var organization = Guid.NewGuid();
        var contract = new SibContract(new SibContractDetails("神戸市型SIB", "", Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(),
            new DateOnly(2017, 7, 1), new DateOnly(2020, 3, 31), 34_060_000m, 15_000_000m,
            [new(organization, "地域銀行", 10_000_000m), new(null, "個人投資家A", 5_000_000m), new(null, "財団B", 3_000_000m)],
            KobeShaped().Outcomes.Select(o => o!).ToList()), null, DateTimeOffset.UtcNow);
        var by = Guid.NewGuid();
        Assert.Throws<InvalidOperationException>(() => contract.Approve(0, 15_000_000m, by, DateTimeOffset.UtcNow));
        contract.Conclude(DateTimeOffset.UtcNow);
        contract.Approve(0, 15_000_000m, by, DateTimeOffset.UtcNow);
        contract.Approve(1, 2_000_000m, by, DateTimeOffset.UtcNow);
        contract.Approve(2, 1_000_000m, by, DateTimeOffset.UtcNow);
        contract.Approve(3, 7_530_000m, by, DateTimeOffset.UtcNow);
        Assert.Throws<InvalidOperationException>(() => contract.Approve(3, 1m, by, DateTimeOffset.UtcNow));

        var shares = contract.Distribute(by, DateTimeOffset.UtcNow);

        Assert.Equal([14_183_333m, 7_091_667m, 4_255_000m], shares.Select(s => s.Amount));
        Assert.Equal(contract.Paid, contract.Distributed);
        Assert.Empty(contract.Distribute(by, DateTimeOffset.UtcNow));
        var returns = SibReturns.Of(contract);
        Assert.Equal([4_183_333m, 2_091_667m, 1_255_000m], returns.Select(r => r.Return));
        Assert.Equal([41.83m, 41.83m, 41.83m], returns.Select(r => Math.Round(r.ReturnRate * 100m, 2)));
    }

    [Fact]
    public void A_payment_that_would_pass_the_cap_is_refused_by_the_contract_itself()
    {
        var contract = new SibContract(new SibContractDetails("上限", "", Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(),
            new DateOnly(2024, 4, 1), new DateOnly(2025, 3, 31), 1_000m, 0m, [new(null, "出資者", 500m)],
            [new("指標", "人", null, SibRule.Linear(0m, 1m, 1_000m))]), null, DateTimeOffset.UtcNow);
        contract.Conclude(DateTimeOffset.UtcNow);
        Assert.Throws<ArgumentOutOfRangeException>(() => contract.Approve(1, 1_001m, Guid.NewGuid(), DateTimeOffset.UtcNow));
        Assert.Empty(contract.Payments);
    }
}
