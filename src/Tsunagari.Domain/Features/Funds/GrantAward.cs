namespace Tsunagari.Features.Funds;

/// <summary>
/// A grant awarded on an application: the amount, the conditions, a disbursement schedule of instalments, progress and
/// final reports, and closing. For a dormant-deposit programme the implementing organization links its logic model, and
/// its pre-, mid- and post-evaluations (frozen snapshots of that model) are required steps: no disbursement before the
/// pre-evaluation, no closing before all three.
/// </summary>
public sealed class GrantAward
{
    public const int MaxConditionsLength = 2000;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid ApplicationId { get; private set; }
    public Guid ProgrammeId { get; private set; }
    public Guid FundId { get; private set; }
    public Guid OrganizationId { get; private set; }

    /// <summary>The awarded project's title (the application's), shown on ledgers as the project.</summary>
    public string Title { get; private set; } = "";

    public decimal Amount { get; private set; }
    public string Conditions { get; private set; } = "";
    public DateOnly AwardedOn { get; private set; }
    public Guid AwardedBy { get; private set; }

    /// <summary>The implementing organization's logic model its evaluations are taken from (dormant-deposit programmes).</summary>
    public Guid? LogicModelId { get; set; }

    public DateTimeOffset? ClosedAt { get; private set; }
    public string ClosingNote { get; private set; } = "";

    private GrantAward() { }

    public GrantAward(GrantApplication application, Guid fundId, decimal amount, string conditions, DateOnly awardedOn, Guid awardedBy)
    {
        ArgumentNullException.ThrowIfNull(application);
        ApplicationId = application.Id;
        ProgrammeId = application.ProgrammeId;
        FundId = fundId;
        OrganizationId = application.OrganizationId;
        Title = application.Title;
        Amount = Yen.Require(amount, nameof(amount));
        Conditions = conditions.Trim();
        AwardedOn = awardedOn;
        AwardedBy = awardedBy;
    }

    public bool IsClosed => ClosedAt is not null;

    public LedgerProject Project => new(Id, Title);

    public void Close(string note, DateTimeOffset now)
    {
        if (IsClosed) throw new InvalidOperationException("The award is closed already.");
        ClosingNote = note.Trim();
        ClosedAt = now;
    }
}

/// <summary>One instalment of an award's disbursement schedule: due on a date, paid once (a ledger transfer fund → organization).</summary>
public sealed class GrantInstalment
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid AwardId { get; private set; }
    public DateOnly DueOn { get; private set; }
    public decimal Amount { get; private set; }
    public DateOnly? PaidOn { get; private set; }
    public Guid? PaidBy { get; private set; }

    private GrantInstalment() { }

    public GrantInstalment(Guid awardId, DateOnly dueOn, decimal amount)
    {
        AwardId = awardId;
        DueOn = dueOn;
        Amount = Yen.Require(amount, nameof(amount));
    }

    public bool IsPaid => PaidOn is not null;

    /// <summary>Marks it paid and returns the two ledger entries of the transfer, to be saved with it.</summary>
    public (LedgerEntry Out, LedgerEntry In) Pay(GrantAward award, string fundName, string organizationName, DateOnly paidOn, Guid paidBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(award);
        if (IsPaid) throw new InvalidOperationException("The instalment is paid already.");
        PaidOn = paidOn;
        PaidBy = paidBy;
        return Ledger.Transfer(LedgerAccount.OfFund(award.FundId), LedgerParty.Fund(award.FundId, fundName),
            LedgerAccount.OfOrganization(award.OrganizationId), LedgerParty.Organization(award.OrganizationId, organizationName),
            LedgerEntryKind.Grant, Amount, new LedgerSource(Id, paidOn, now, award.Title, award.Project));
    }
}

/// <summary>A progress or final report the awarded organization submits on its award.</summary>
public sealed class GrantReport
{
    public const int MaxTextLength = 4000;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid AwardId { get; private set; }
    public GrantReportKind Kind { get; private set; }
    public string Text { get; private set; } = "";
    public decimal? Spent { get; private set; }
    public Guid SubmittedBy { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }

    private GrantReport() { }

    public GrantReport(Guid awardId, GrantReportKind kind, string text, decimal? spent, Guid submittedBy, DateTimeOffset now)
    {
        AwardId = awardId;
        Kind = kind;
        Text = text.Trim();
        Spent = spent;
        SubmittedBy = submittedBy;
        SubmittedAt = now;
    }
}

public enum GrantReportKind
{
    Progress = 1,
    Final = 2,
}

/// <summary>
/// Money a programme's fund received from outside for it: for a dormant-deposit fund distributor (資金分配団体), the
/// dormant-deposit grant it regrants. Recorded on the fund's ledger as <see cref="LedgerEntryKind.ExternalGrant"/>.
/// </summary>
public sealed class GrantFunding
{
    public const int MaxNameLength = 200;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid ProgrammeId { get; private set; }
    public string FromName { get; private set; } = "";
    public decimal Amount { get; private set; }
    public DateOnly ReceivedOn { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    private GrantFunding() { }

    public GrantFunding(Guid programmeId, string fromName, decimal amount, DateOnly receivedOn, DateTimeOffset now)
    {
        ProgrammeId = programmeId;
        FromName = fromName.Trim();
        Amount = Yen.Require(amount, nameof(amount));
        ReceivedOn = receivedOn;
        RecordedAt = now;
    }

    public LedgerEntry Record(Guid fundId, string programmeTitle) =>
        Ledger.Receive(LedgerAccount.OfFund(fundId), LedgerEntryKind.ExternalGrant, Amount, LedgerParty.Outside(FromName),
            new LedgerSource(Id, ReceivedOn, RecordedAt, programmeTitle, new LedgerProject(ProgrammeId, programmeTitle)));
}

/// <summary>Money a programme spent on evaluation, within its evaluation budget; paid out of the fund (<see cref="LedgerEntryKind.EvaluationCost"/>).</summary>
public sealed class GrantEvaluationCost
{
    public const int MaxTextLength = 200;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid ProgrammeId { get; private set; }
    public string PaidTo { get; private set; } = "";
    public string Purpose { get; private set; } = "";
    public decimal Amount { get; private set; }
    public DateOnly PaidOn { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    private GrantEvaluationCost() { }

    public GrantEvaluationCost(Guid programmeId, string paidTo, string purpose, decimal amount, DateOnly paidOn, DateTimeOffset now)
    {
        ProgrammeId = programmeId;
        PaidTo = paidTo.Trim();
        Purpose = purpose.Trim();
        Amount = Yen.Require(amount, nameof(amount));
        PaidOn = paidOn;
        RecordedAt = now;
    }

    public LedgerEntry Record(Guid fundId, string programmeTitle) =>
        Ledger.Pay(LedgerAccount.OfFund(fundId), LedgerEntryKind.EvaluationCost, Amount, LedgerParty.Outside(PaidTo),
            new LedgerSource(Id, PaidOn, RecordedAt, Purpose, new LedgerProject(ProgrammeId, programmeTitle)));
}

/// <summary>The evaluation budget of a dormant-deposit programme: a share of the grant received, in whole yen (rounded down).</summary>
public static class EvaluationBudget
{
    public static decimal Of(decimal received, decimal percent) => decimal.Floor(received * percent / 100m);

    /// <summary>Whether spending <paramref name="amount"/> more keeps the costs within the budget.</summary>
    public static bool Allows(decimal received, decimal percent, decimal spent, decimal amount) => spent + amount <= Of(received, percent);
}
