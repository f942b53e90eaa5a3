namespace Tsunagari.Features.Funds;

/// <summary>
/// A social impact bond (ソーシャル・インパクト・ボンド): investors fund a service provider through an intermediary; an
/// outcome payer (usually a municipality) pays a fixed payment and outcome-linked payments, up to a cap (支払上限額), for
/// results an independent evaluator measures; the intermediary distributes what it receives to the investors pro rata.
/// A draft's terms may change; once concluded (締結) the terms are fixed, the investments are on the ledger, and the
/// evaluator enters results, the payer approves payments and the intermediary distributes them.
/// </summary>
public sealed class SibContract
{
    public const int MaxTitleLength = 200;
    public const int MaxDescriptionLength = 4000;
    public const int MaxInvestors = 10;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public string Title { get; private set; } = "";
    public string Description { get; private set; } = "";

    /// <summary>成果連動支払者: pays the fixed and outcome-linked payments.</summary>
    public Guid PayerOrganizationId { get; private set; }

    /// <summary>サービス提供者: delivers the service.</summary>
    public Guid ProviderOrganizationId { get; private set; }

    /// <summary>中間支援組織: receives the investments and the payments and distributes them to the investors.</summary>
    public Guid IntermediaryOrganizationId { get; private set; }

    /// <summary>第三者評価機関: its members, and only they, enter the measured results.</summary>
    public Guid EvaluatorOrganizationId { get; private set; }

    public DateOnly StartsOn { get; private set; }
    public DateOnly EndsOn { get; private set; }
    public decimal Cap { get; private set; }

    /// <summary>固定支払: paid whatever the results; 0 when the contract has none.</summary>
    public decimal FixedPayment { get; private set; }

    public SibContractStatus Status { get; private set; } = SibContractStatus.Draft;
    public DateTimeOffset? ConcludedAt { get; private set; }
    public Guid? CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Changed by every change, so that two people approving or distributing at once cannot both succeed.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    public List<SibInvestor> Investors { get; private set; } = [];
    public List<SibOutcome> Outcomes { get; private set; } = [];
    public List<SibPayment> Payments { get; private set; } = [];
    public List<SibDistribution> Distributions { get; private set; } = [];

    private SibContract() { }

    public SibContract(SibContractDetails details, Guid? createdBy, DateTimeOffset now)
    {
        CreatedBy = createdBy;
        CreatedAt = now;
        Update(details);
    }

    /// <summary>Replaces the terms of a draft (results and payments exist only once it is concluded).</summary>
    public void Update(SibContractDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (Status != SibContractStatus.Draft) throw new InvalidOperationException("A concluded contract's terms are fixed.");
        Title = details.Title.Trim();
        Description = details.Description.Trim();
        PayerOrganizationId = details.Payer;
        ProviderOrganizationId = details.Provider;
        IntermediaryOrganizationId = details.Intermediary;
        EvaluatorOrganizationId = details.Evaluator;
        StartsOn = details.StartsOn;
        EndsOn = details.EndsOn;
        Cap = Yen.Require(details.Cap, nameof(details));
        FixedPayment = details.FixedPayment;
        Investors = [.. details.Investors.Select((x, i) => new SibInvestor(i + 1, x.OrganizationId, x.Name, x.Amount))];
        Outcomes = [.. details.Outcomes.Select((x, i) => new SibOutcome(i + 1, x))];
        Touch();
    }

    public SibTerms Terms => new(Cap, FixedPayment, [.. Outcomes.OrderBy(o => o.Number).Select(o => o.Terms)]);

    public decimal Invested => Investors.Sum(i => i.Amount);
    public decimal Paid => Payments.Sum(p => p.Amount);
    public decimal Distributed => Distributions.Sum(d => d.Amount);

    /// <summary>The results in outcome order, null for those not measured yet.</summary>
    public IReadOnlyList<decimal?> Results => [.. Outcomes.OrderBy(o => o.Number).Select(o => o.Result)];

    public SibPayment? PaymentFor(int line) => Payments.SingleOrDefault(p => p.Line == line);

    public void Conclude(DateTimeOffset now)
    {
        if (Status != SibContractStatus.Draft) throw new InvalidOperationException("Already concluded.");
        Status = SibContractStatus.Concluded;
        ConcludedAt = now;
        Touch();
    }

    /// <summary>The evaluator's measured result of an outcome; refused once its payment is approved.</summary>
    public void RecordResult(SibOutcome outcome, decimal result, string note, Guid enteredBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (Status != SibContractStatus.Concluded || PaymentFor(outcome.Number) is not null) throw new InvalidOperationException("Results are entered between conclusion and approval.");
        outcome.Record(result, note, enteredBy, now);
        Touch();
    }

    /// <summary>The payer's approval of a line (0 = the fixed payment) for the amount the settlement gives it.</summary>
    public SibPayment Approve(int line, decimal amount, Guid approvedBy, DateTimeOffset now)
    {
        if (Status != SibContractStatus.Concluded || PaymentFor(line) is not null) throw new InvalidOperationException("Approved once, after conclusion.");
        if (amount < 0 || Paid + amount > Cap) throw new ArgumentOutOfRangeException(nameof(amount), "Payments never pass the cap.");
        var payment = new SibPayment(line, amount, approvedBy, now);
        Payments.Add(payment);
        Touch();
        return payment;
    }

    /// <summary>Distributes what was approved and not yet distributed to the investors pro rata to what they invested (<see cref="Yen.Allocate"/>).</summary>
    public IReadOnlyList<SibDistribution> Distribute(Guid distributedBy, DateTimeOffset now)
    {
        var toDistribute = Paid - Distributed;
        if (toDistribute <= 0 || Investors.Count == 0) return [];
        var investors = Investors.OrderBy(i => i.Number).ToList();
        var shares = Yen.Allocate(toDistribute, [.. investors.Select(i => i.Amount)]);
        var round = Distributions.Select(d => d.Round).DefaultIfEmpty(0).Max() + 1;
        var made = investors.Select((investor, i) => new SibDistribution(round, investor.Number, shares[i], distributedBy, now)).Where(d => d.Amount > 0).ToList();
        Distributions.AddRange(made);
        Touch();
        return made;
    }

    private void Touch() => Version = Guid.NewGuid();
}

public enum SibContractStatus
{
    /// <summary>下書き: the terms may change.</summary>
    Draft = 1,

    /// <summary>締結済み: the terms are fixed; results, payments and distributions follow.</summary>
    Concluded = 2,
}

/// <summary>The terms of a contract as its form gives them (checked by the web feature and <see cref="SibSettlement.Validate"/>).</summary>
public sealed record SibContractDetails(string Title, string Description, Guid Payer, Guid Provider, Guid Intermediary, Guid Evaluator,
    DateOnly StartsOn, DateOnly EndsOn, decimal Cap, decimal FixedPayment, IReadOnlyList<SibInvestorDetails> Investors, IReadOnlyList<SibOutcomeTerms> Outcomes);

/// <summary>An investor: an organization on the platform (its id) or a named outside investor (<paramref name="OrganizationId"/> null).</summary>
public sealed record SibInvestorDetails(Guid? OrganizationId, string Name, decimal Amount);

public sealed class SibInvestor
{
    public const int MaxNameLength = 200;

    public int Number { get; private set; }
    public Guid? OrganizationId { get; private set; }

    /// <summary>The outside investor's name; for an organization, its name when the contract was written.</summary>
    public string Name { get; private set; } = "";

    public decimal Amount { get; private set; }

    /// <summary>The id of its investment on the ledger (one per investor and contract).</summary>
    public Guid LedgerSourceId { get; private set; } = Guid.NewGuid();

    private SibInvestor() { }

    internal SibInvestor(int number, Guid? organizationId, string name, decimal amount)
    {
        Number = number;
        OrganizationId = organizationId;
        Name = name.Trim();
        Amount = Yen.Require(amount, nameof(amount));
    }
}

/// <summary>An outcome-linked payment of a contract, with the evaluator's result once measured.</summary>
public sealed class SibOutcome
{
    public const int MaxNoteLength = 1000;

    public int Number { get; private set; }
    public string Indicator { get; private set; } = "";
    public string Unit { get; private set; } = "";
    public DateOnly? MeasuredOn { get; private set; }
    public SibRuleKind RuleKind { get; private set; }
    /// <summary>A step table's thresholds and amounts, row by row (two lists of numbers store the same on both databases).</summary>
    public List<decimal> StepThresholds { get; private set; } = [];

    public List<decimal> StepAmounts { get; private set; } = [];
    public decimal? Lower { get; private set; }
    public decimal? Upper { get; private set; }
    public decimal? MaxAmount { get; private set; }
    public decimal? Result { get; private set; }
    public string ResultNote { get; private set; } = "";
    public Guid? ResultEnteredBy { get; private set; }
    public DateTimeOffset? ResultEnteredAt { get; private set; }

    private SibOutcome() { }

    internal SibOutcome(int number, SibOutcomeTerms terms)
    {
        Number = number;
        Indicator = terms.Indicator.Trim();
        Unit = terms.Unit.Trim();
        MeasuredOn = terms.MeasuredOn;
        RuleKind = terms.Rule.Kind;
        StepThresholds = [.. terms.Rule.Steps.Select(s => s.Threshold)];
        StepAmounts = [.. terms.Rule.Steps.Select(s => s.Amount)];
        Lower = terms.Rule.Lower;
        Upper = terms.Rule.Upper;
        MaxAmount = terms.Rule.MaxAmount;
    }

    public IReadOnlyList<SibStep> Steps => [.. StepThresholds.Zip(StepAmounts, (t, a) => new SibStep(t, a))];
    public SibRule Rule => new(RuleKind, Steps, Lower, Upper, MaxAmount);
    public SibOutcomeTerms Terms => new(Indicator, Unit, MeasuredOn, Rule);

    internal void Record(decimal result, string note, Guid enteredBy, DateTimeOffset now)
    {
        Result = result;
        ResultNote = note.Trim();
        ResultEnteredBy = enteredBy;
        ResultEnteredAt = now;
    }
}

/// <summary>An approved payment of one line (0 = the fixed payment, n = outcome n): a transfer from the payer to the intermediary when above 0.</summary>
public sealed class SibPayment
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public int Line { get; private set; }
    public decimal Amount { get; private set; }
    public Guid ApprovedBy { get; private set; }
    public DateTimeOffset ApprovedAt { get; private set; }

    private SibPayment() { }

    internal SibPayment(int line, decimal amount, Guid approvedBy, DateTimeOffset now)
    {
        Line = line;
        Amount = amount;
        ApprovedBy = approvedBy;
        ApprovedAt = now;
    }
}

/// <summary>One investor's share of one distribution round: a transfer (an organization) or a payment (an outside investor) from the intermediary.</summary>
public sealed class SibDistribution
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public int Round { get; private set; }
    public int InvestorNumber { get; private set; }
    public decimal Amount { get; private set; }
    public Guid DistributedBy { get; private set; }
    public DateTimeOffset DistributedAt { get; private set; }

    private SibDistribution() { }

    internal SibDistribution(int round, int investorNumber, decimal amount, Guid distributedBy, DateTimeOffset now)
    {
        Round = round;
        InvestorNumber = investorNumber;
        Amount = amount;
        DistributedBy = distributedBy;
        DistributedAt = now;
    }
}

/// <summary>What an investor got back: received so far, the return (received − invested, negative for a loss) and its rate (return ÷ invested).</summary>
public sealed record SibReturn(SibInvestor Investor, decimal Received, decimal Return, decimal ReturnRate);

public static class SibReturns
{
    /// <summary>Each investor's return on what was distributed so far, in contract order.</summary>
    public static IReadOnlyList<SibReturn> Of(SibContract contract)
    {
        ArgumentNullException.ThrowIfNull(contract);
        return [.. contract.Investors.OrderBy(i => i.Number).Select(i =>
        {
            var received = contract.Distributions.Where(d => d.InvestorNumber == i.Number).Sum(d => d.Amount);
            return new SibReturn(i, received, received - i.Amount, (received - i.Amount) / i.Amount);
        })];
    }
}
