namespace Tsunagari.Features.Funds;

/// <summary>
/// One line of the one ledger (台帳): money or a non-money contribution that came into or went out of an organization's
/// or a fund's account. Entries are never edited or deleted; a correction is a new entry. Money moving between two
/// accounts on the platform is a <see cref="Ledger.Transfer"/>: two entries, out of one and into the other, sharing a
/// <see cref="TransferId"/>, so that the platform's totals always reconcile.
/// </summary>
public sealed class LedgerEntry
{
    public const int MaxNameLength = 200;
    public const int MaxDescriptionLength = 500;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public LedgerOwner Owner { get; private set; }
    public Guid OwnerId { get; private set; }
    public LedgerFlow Flow { get; private set; }
    public LedgerEntryKind Kind { get; private set; }

    /// <summary>Whole yen; for a non-money contribution, its value in yen.</summary>
    public decimal Amount { get; private set; }

    /// <summary>False for an in-kind gift, valued in yen but not money.</summary>
    public bool IsMoney { get; private set; }

    public PartyKind CounterpartyKind { get; private set; }

    /// <summary>The other side's id when it is on the platform and may be named; null for outsiders and anonymous donors.</summary>
    public Guid? CounterpartyId { get; private set; }

    /// <summary>The other side's name as it may be shown on this ledger (「匿名」 for an anonymous donor).</summary>
    public string CounterpartyName { get; private set; } = "";

    /// <summary>The project the money is for (a campaign, an awarded project, a SIB contract), for the flow of money.</summary>
    public Guid? ProjectId { get; private set; }

    public string ProjectTitle { get; private set; } = "";

    /// <summary>The id of what this entry records (a donation, a disbursement, a SIB payment line…): one entry per source and side.</summary>
    public Guid SourceId { get; private set; }

    /// <summary>Shared by the two sides of a transfer between accounts on the platform; null for money from or to outside.</summary>
    public Guid? TransferId { get; private set; }

    public DateOnly OccurredOn { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public string Description { get; private set; } = "";

    private LedgerEntry() { }

    internal LedgerEntry(LedgerAccount account, LedgerFlow flow, LedgerEntryKind kind, decimal amount, bool isMoney, LedgerParty counterparty,
        LedgerSource source, Guid? transferId)
    {
        ArgumentNullException.ThrowIfNull(counterparty);
        ArgumentNullException.ThrowIfNull(source);
        Owner = account.Owner;
        OwnerId = account.OwnerId;
        Flow = flow;
        Kind = kind;
        Amount = Yen.Require(amount, nameof(amount));
        IsMoney = isMoney;
        CounterpartyKind = counterparty.Kind;
        CounterpartyId = counterparty.Id;
        CounterpartyName = Clip(counterparty.Name, MaxNameLength);
        ProjectId = source.Project?.Id;
        ProjectTitle = Clip(source.Project?.Title ?? "", MaxNameLength);
        SourceId = source.Id;
        TransferId = transferId;
        OccurredOn = source.OccurredOn;
        RecordedAt = source.RecordedAt;
        Description = Clip(source.Description, MaxDescriptionLength);
    }

    public LedgerAccount Account => new(Owner, OwnerId);

    /// <summary>The amount as it changes the account's balance: positive in, negative out.</summary>
    public decimal BalanceChange => Flow == LedgerFlow.In ? Amount : -Amount;

    private static string Clip(string text, int length) => text.Length <= length ? text.Trim() : text[..length].Trim();
}

/// <summary>Whose ledger an entry is on.</summary>
public readonly record struct LedgerAccount(LedgerOwner Owner, Guid OwnerId)
{
    public static LedgerAccount OfOrganization(Guid organizationId) => new(LedgerOwner.Organization, organizationId);

    public static LedgerAccount OfFund(Guid fundId) => new(LedgerOwner.Fund, fundId);
}

public enum LedgerOwner
{
    Organization = 1,
    Fund = 2,
}

public enum LedgerFlow
{
    In = 1,
    Out = 2,
}

/// <summary>What an entry records. Volunteer hours and pro bono work are valued when the ledger is read (see the web feature), not stored.</summary>
public enum LedgerEntryKind
{
    /// <summary>寄附: a donation confirmed as received.</summary>
    Donation = 1,

    /// <summary>現物寄附: an in-kind gift, valued in yen.</summary>
    InKindGift = 2,

    /// <summary>助成: a grant disbursement from a fund to an organization.</summary>
    Grant = 3,

    /// <summary>外部からの助成: a grant from outside the platform (e.g. a dormant-deposit grant to a fund distributor).</summary>
    ExternalGrant = 4,

    /// <summary>評価費: money a grant programme spends on evaluation.</summary>
    EvaluationCost = 5,

    /// <summary>SIB出資: an investor's money into a social impact bond.</summary>
    SibInvestment = 6,

    /// <summary>SIB成果連動支払: a payment by the outcome payer under a social impact bond.</summary>
    SibPayment = 7,

    /// <summary>SIB償還: money distributed to an investor.</summary>
    SibDistribution = 8,
}

public enum PartyKind
{
    Organization = 1,
    Fund = 2,
    Person = 3,
    Outside = 4,
}

/// <summary>The other side of an entry.</summary>
public sealed record LedgerParty(PartyKind Kind, Guid? Id, string Name)
{
    public static LedgerParty Organization(Guid id, string name) => new(PartyKind.Organization, id, name);

    public static LedgerParty Fund(Guid id, string name) => new(PartyKind.Fund, id, name);

    /// <summary>A person on the platform; pass a null id and 「匿名」 (or its translation) for a donor who stays anonymous.</summary>
    public static LedgerParty Person(Guid? id, string name) => new(PartyKind.Person, id, name);

    public static LedgerParty Outside(string name) => new(PartyKind.Outside, null, name);
}

/// <summary>What an entry records and when: the source row's id, the day the money moved, the project it is for.</summary>
public sealed record LedgerSource(Guid Id, DateOnly OccurredOn, DateTimeOffset RecordedAt, string Description = "", LedgerProject? Project = null);

public sealed record LedgerProject(Guid Id, string Title);
