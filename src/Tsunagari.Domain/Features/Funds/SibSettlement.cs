namespace Tsunagari.Features.Funds;

/// <summary>How an outcome-linked payment of a social impact bond turns a measured result into yen.</summary>
public enum SibRuleKind
{
    /// <summary>A step table: the amount of the highest threshold the result reaches (result ≥ threshold), nothing below the lowest.</summary>
    Step = 1,

    /// <summary>Nothing at or below the lower threshold, the maximum at or above the upper target, a straight line between (rounded down to the yen).</summary>
    Linear = 2,
}

/// <summary>One row of a step table: a result at or above <paramref name="Threshold"/> earns <paramref name="Amount"/>.</summary>
public sealed record SibStep(decimal Threshold, decimal Amount);

/// <summary>A payment rule; <see cref="Steps"/> for a step table, <see cref="Lower"/>, <see cref="Upper"/> and <see cref="MaxAmount"/> for a linear one.</summary>
public sealed record SibRule(SibRuleKind Kind, IReadOnlyList<SibStep> Steps, decimal? Lower = null, decimal? Upper = null, decimal? MaxAmount = null)
{
    public static SibRule StepTable(params SibStep[] steps) => new(SibRuleKind.Step, steps);

    public static SibRule Linear(decimal lower, decimal upper, decimal maxAmount) => new(SibRuleKind.Linear, [], lower, upper, maxAmount);

    /// <summary>The most this rule can pay, whatever the result.</summary>
    public decimal Maximum => Kind == SibRuleKind.Step ? Steps.Select(s => s.Amount).DefaultIfEmpty(0m).Max() : MaxAmount ?? 0m;

    /// <summary>What a result earns under this rule, before the cap (assumes a rule <see cref="SibSettlement.Validate"/> accepted).</summary>
    public decimal Earn(decimal result)
    {
        if (Kind == SibRuleKind.Step)
            return Steps.Where(s => result >= s.Threshold).Select(s => s.Amount).DefaultIfEmpty(0m).Max();
        var (lower, upper, max) = (Lower ?? 0m, Upper ?? 0m, MaxAmount ?? 0m);
        if (result <= lower) return 0m;
        if (result >= upper) return max;
        // Rounded down: the payer never pays a fraction of a yen, nor more than the line between the two points.
        return decimal.Floor(max * ((result - lower) / (upper - lower)));
    }
}

/// <summary>An outcome-linked payment: the indicator measured (name and unit), when, and the rule that prices the result.</summary>
public sealed record SibOutcomeTerms(string Indicator, string Unit, DateOnly? MeasuredOn, SibRule Rule);

/// <summary>What a contract pays: the cap (支払上限額), a fixed payment (0 when none) and the outcome-linked payments.</summary>
public sealed record SibTerms(decimal Cap, decimal FixedPayment, IReadOnlyList<SibOutcomeTerms?> Outcomes);

/// <summary>
/// A line of a settlement: the fixed payment (<see cref="Outcome"/> null) or an outcome-linked payment, with the result
/// (null when not measured yet), what the rule earns, the most it could earn, and what is paid once the cap is applied.
/// </summary>
public sealed record SibLine(int? Outcome, decimal? Result, decimal Earned, decimal Maximum, decimal Paid)
{
    public bool CutByCap => Paid < Earned;
}

/// <summary>
/// The payments of a contract: its lines, their total (never above the cap), the worst case for the payer (every line at
/// its maximum, capped) and the sum of the maximums before the cap.
/// </summary>
public sealed record SibSettlementResult(IReadOnlyList<SibLine> Lines, decimal Total, decimal WorstCase, decimal MaximumBeforeCap)
{
    public bool CapApplied => Lines.Any(l => l.CutByCap);
}

public enum SibProblemKind
{
    /// <summary>A value that must be given is missing.</summary>
    Required = 1,

    /// <summary>An amount that is not a whole number of yen from ¥1 to a trillion (see <see cref="SibProblem.Amount"/>).</summary>
    Amount = 2,

    /// <summary>The fixed payment alone is above the cap.</summary>
    FixedAboveCap = 3,

    NoOutcomes = 4,
    TooManyOutcomes = 5,
    NoSteps = 6,
    TooManySteps = 7,

    /// <summary>Step thresholds must go up, each above the one before.</summary>
    StepsNotAscending = 8,

    /// <summary>A step with a higher threshold must not pay less than the one before it.</summary>
    StepAmountsDecreasing = 9,

    /// <summary>The linear rule's lower threshold must be below its upper target.</summary>
    LowerNotBelowUpper = 10,

    TooLong = 11,

    /// <summary>More results than outcome-linked payments.</summary>
    TooManyResults = 12,

    /// <summary>A number outside what results and thresholds may be (±1兆).</summary>
    OutOfRange = 13,
}

/// <summary>What is wrong and where, as a JSON path of the contract (cap, outcomes[0].rule.steps[1].amount, results[2]).</summary>
public sealed record SibProblem(string Path, SibProblemKind Kind, AmountProblem? Amount = null);

/// <summary>
/// The settlement of a social impact bond (成果連動型の支払): pure, so that the contract page, the payer's approval and the
/// planning API compute the same figures. The fixed payment comes first, then the outcome-linked payments in order of
/// measurement date (undated ones last, then in contract order); each is paid what its rule earns, cut so that the running
/// total never passes the cap — the order in which a payer would pay them as results arrive.
/// </summary>
public static class SibSettlement
{
    public const int MaxOutcomes = 10;
    public const int MaxSteps = 10;
    public const int MaxIndicatorLength = 200;
    public const int MaxUnitLength = 40;

    /// <summary>Results and thresholds are numbers of people, rates or scores: far inside ±1兆.</summary>
    public const decimal MaxMagnitude = 1_000_000_000_000m;

    /// <summary>Every problem of the terms and the results (an empty list when they can be settled).</summary>
    public static IReadOnlyList<SibProblem> Validate(SibTerms terms, IReadOnlyList<decimal?>? results = null)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var problems = new List<SibProblem>();
        AmountOf(problems, "cap", terms.Cap);
        if (terms.FixedPayment != 0m) AmountOf(problems, "fixedPayment", terms.FixedPayment);
        if (terms.FixedPayment > terms.Cap && Yen.Check(terms.Cap) is null) problems.Add(new("fixedPayment", SibProblemKind.FixedAboveCap));
        if (terms.Outcomes.Count == 0) problems.Add(new("outcomes", SibProblemKind.NoOutcomes));
        if (terms.Outcomes.Count > MaxOutcomes) problems.Add(new("outcomes", SibProblemKind.TooManyOutcomes));
        for (var i = 0; i < Math.Min(terms.Outcomes.Count, MaxOutcomes); i++)
            ValidateOutcome(problems, $"outcomes[{i}]", terms.Outcomes[i]);
        if (results is null) return problems;
        if (results.Count > terms.Outcomes.Count) problems.Add(new("results", SibProblemKind.TooManyResults));
        for (var i = 0; i < results.Count; i++)
            if (results[i] is { } r && Math.Abs(r) > MaxMagnitude) problems.Add(new($"results[{i}]", SibProblemKind.OutOfRange));
        return problems;
    }

    /// <summary>The lines and totals for valid terms (see <see cref="Validate"/>); results[i] belongs to outcome i, null or missing when not measured.</summary>
    public static SibSettlementResult Settle(SibTerms terms, IReadOnlyList<decimal?> results)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(results);
        if (Validate(terms, results).Count > 0) throw new ArgumentException("The terms or results are not valid; validate them first.", nameof(terms));
        var outcomes = terms.Outcomes.Select(o => o!).ToList();
        var lines = new SibLine?[outcomes.Count + 1];
        var paid = terms.FixedPayment;
        lines[0] = new SibLine(null, null, terms.FixedPayment, terms.FixedPayment, terms.FixedPayment);
        foreach (var i in PaymentOrder(outcomes))
        {
            var result = i < results.Count ? results[i] : null;
            var earned = result is { } r ? outcomes[i].Rule.Earn(r) : 0m;
            var line = Math.Min(earned, terms.Cap - paid);
            paid += line;
            lines[i + 1] = new SibLine(i, result, earned, outcomes[i].Rule.Maximum, line);
        }
        var maximum = terms.FixedPayment + outcomes.Sum(o => o.Rule.Maximum);
        return new SibSettlementResult([.. lines.Select(l => l!)], paid, Math.Min(maximum, terms.Cap), maximum);
    }

    /// <summary>What one line may still be paid when <paramref name="alreadyPaid"/> has been paid under the contract: its earning, cut at the cap.</summary>
    public static decimal Payable(decimal earned, decimal cap, decimal alreadyPaid) => Math.Max(0m, Math.Min(earned, cap - alreadyPaid));

    /// <summary>Outcome indexes by measurement date, undated last, then by their order in the contract.</summary>
    public static IEnumerable<int> PaymentOrder(IReadOnlyList<SibOutcomeTerms> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        return Enumerable.Range(0, outcomes.Count).OrderBy(i => outcomes[i].MeasuredOn ?? DateOnly.MaxValue).ThenBy(i => i);
    }

    private static void ValidateOutcome(List<SibProblem> problems, string path, SibOutcomeTerms? outcome)
    {
        if (outcome is null)
        {
            problems.Add(new(path, SibProblemKind.Required));
            return;
        }
        if (string.IsNullOrWhiteSpace(outcome.Indicator)) problems.Add(new($"{path}.indicator", SibProblemKind.Required));
        else if (outcome.Indicator.Trim().Length > MaxIndicatorLength) problems.Add(new($"{path}.indicator", SibProblemKind.TooLong));
        if (outcome.Unit.Trim().Length > MaxUnitLength) problems.Add(new($"{path}.unit", SibProblemKind.TooLong));
        if (outcome.Rule.Kind == SibRuleKind.Step) ValidateSteps(problems, $"{path}.rule.steps", outcome.Rule.Steps);
        else ValidateLinear(problems, $"{path}.rule", outcome.Rule);
    }

    private static void ValidateSteps(List<SibProblem> problems, string path, IReadOnlyList<SibStep> steps)
    {
        if (steps.Count == 0) problems.Add(new(path, SibProblemKind.NoSteps));
        if (steps.Count > MaxSteps) problems.Add(new(path, SibProblemKind.TooManySteps));
        for (var i = 0; i < Math.Min(steps.Count, MaxSteps); i++)
        {
            if (Math.Abs(steps[i].Threshold) > MaxMagnitude) problems.Add(new($"{path}[{i}].threshold", SibProblemKind.OutOfRange));
            else if (i > 0 && steps[i].Threshold <= steps[i - 1].Threshold) problems.Add(new($"{path}[{i}].threshold", SibProblemKind.StepsNotAscending));
            AmountOf(problems, $"{path}[{i}].amount", steps[i].Amount);
            if (i > 0 && steps[i].Amount < steps[i - 1].Amount) problems.Add(new($"{path}[{i}].amount", SibProblemKind.StepAmountsDecreasing));
        }
    }

    private static void ValidateLinear(List<SibProblem> problems, string path, SibRule rule)
    {
        if (rule.Lower is not { } lower) problems.Add(new($"{path}.lower", SibProblemKind.Required));
        else if (Math.Abs(lower) > MaxMagnitude) problems.Add(new($"{path}.lower", SibProblemKind.OutOfRange));
        if (rule.Upper is not { } upper) problems.Add(new($"{path}.upper", SibProblemKind.Required));
        else if (Math.Abs(upper) > MaxMagnitude) problems.Add(new($"{path}.upper", SibProblemKind.OutOfRange));
        else if (rule.Lower is { } l && Math.Abs(l) <= MaxMagnitude && l >= upper) problems.Add(new($"{path}.upper", SibProblemKind.LowerNotBelowUpper));
        if (rule.MaxAmount is not { } max) problems.Add(new($"{path}.maxAmount", SibProblemKind.Required));
        else AmountOf(problems, $"{path}.maxAmount", max);
    }

    private static void AmountOf(List<SibProblem> problems, string path, decimal amount)
    {
        if (Yen.Check(amount) is { } problem) problems.Add(new(path, SibProblemKind.Amount, problem));
    }
}
