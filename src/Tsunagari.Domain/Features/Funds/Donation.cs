namespace Tsunagari.Features.Funds;

/// <summary>
/// One gift: a one-time donation, one monthly instalment of a <see cref="DonationPlan"/>, or cash or an in-kind gift the
/// organization recorded. It counts as received only when <see cref="Confirm"/> is called by the organization that got
/// the money (a reconciled bank transfer, cash in hand); only then is it on the ledger and may it have a receipt.
/// </summary>
public sealed class Donation
{
    public const int MaxNameLength = 100;
    public const int MaxAddressLength = 300;
    public const int MaxDesignationLength = 500;
    public const int MaxTransactionIdLength = 100;

    public Guid Id { get; private set; } = Guid.NewGuid();

    /// <summary>The number the donor writes with a bank transfer; shared by a plan's instalments, empty for cash and in-kind.</summary>
    public string Reference { get; private set; } = "";

    public DonationTarget Target { get; private set; }

    /// <summary>The organization that receives and reconciles it: the one given to, the campaign's owner, or the fund's holder.</summary>
    public Guid OrganizationId { get; private set; }

    public Guid? CampaignId { get; private set; }
    public Guid? FundId { get; private set; }
    public Guid? PlanId { get; private set; }

    /// <summary>For an instalment: the first day of its month.</summary>
    public DateOnly? InstalmentMonth { get; private set; }

    /// <summary>The donor's account; null for a donor the organization recorded without one, or after the donor's erasure.</summary>
    public Guid? DonorId { get; private set; }

    /// <summary>The donor's name and address for the receipt (kept only for that; see the donate page).</summary>
    public string DonorName { get; private set; } = "";

    public string DonorAddress { get; private set; } = "";

    public decimal Amount { get; private set; }
    public DonationMethod Method { get; private set; }

    /// <summary>For an in-kind gift: what was given (its value in yen is <see cref="Amount"/>).</summary>
    public string InKindDescription { get; private set; } = "";

    /// <summary>What the donor asked the money to be used for (使途指定); empty when left to the organization.</summary>
    public string Designation { get; private set; } = "";

    /// <summary>Shown as 「匿名」 on ledgers and public pages.</summary>
    public bool Anonymous { get; private set; }

    /// <summary>The donor's consent that the organization sees their name (and address) on its donations page.</summary>
    public bool NameShownToOrganization { get; private set; }

    public DonationStatus Status { get; private set; } = DonationStatus.Expected;
    public DateOnly? ReceivedOn { get; private set; }
    public DateTimeOffset? ConfirmedAt { get; private set; }
    public Guid? ConfirmedBy { get; private set; }

    /// <summary>The bank's transaction id of the transfer that reconciled it, when known: one transfer reconciles one donation.</summary>
    public string? BankTransactionId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    private Donation() { }

    public Donation(DonationDestination to, DonorDetails donor, decimal amount, DonationMethod method, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(donor);
        Target = to.Target;
        OrganizationId = to.OrganizationId;
        CampaignId = to.CampaignId;
        FundId = to.FundId;
        DonorId = donor.AccountId;
        DonorName = donor.Name;
        DonorAddress = donor.Address;
        Designation = donor.Designation;
        Anonymous = donor.Anonymous;
        NameShownToOrganization = donor.NameShownToOrganization;
        Amount = Yen.Require(amount, nameof(amount));
        Method = method;
        CreatedAt = now;
    }

    /// <summary>A bank transfer the donor promised, to be reconciled by its reference.</summary>
    public static Donation ByTransfer(DonationDestination to, DonorDetails donor, decimal amount, string reference, DateTimeOffset now) =>
        new(to, donor, amount, DonationMethod.BankTransfer, now) { Reference = reference };

    /// <summary>The instalment of <paramref name="plan"/> for the month starting <paramref name="month"/>.</summary>
    public static Donation Instalment(DonationPlan plan, DateOnly month, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new Donation(plan.Destination, plan.Donor, plan.Amount, DonationMethod.BankTransfer, now)
        {
            Reference = plan.Reference,
            PlanId = plan.Id,
            InstalmentMonth = month,
        };
    }

    /// <summary>Cash or an in-kind gift the organization took in hand: received at once.</summary>
    public static Donation InHand(DonationDestination to, DonorDetails donor, decimal amount, string inKind, DateOnly receivedOn, Guid recordedBy, DateTimeOffset now)
    {
        var donation = new Donation(to, donor, amount, inKind.Length > 0 ? DonationMethod.InKind : DonationMethod.Cash, now) { InKindDescription = inKind };
        donation.Confirm(receivedOn, recordedBy, null, now);
        return donation;
    }

    public bool IsMoney => Method != DonationMethod.InKind;

    public LedgerAccount Account => FundId is { } fund ? LedgerAccount.OfFund(fund) : LedgerAccount.OfOrganization(OrganizationId);

    /// <summary>Marks the money received; refused when it already was (no double reconciliation) or was cancelled.</summary>
    public DonationProblem? Confirm(DateOnly receivedOn, Guid by, string? bankTransactionId, DateTimeOffset now)
    {
        if (Status == DonationStatus.Received) return DonationProblem.AlreadyReceived;
        if (Status == DonationStatus.Cancelled) return DonationProblem.Cancelled;
        Status = DonationStatus.Received;
        ReceivedOn = receivedOn;
        ConfirmedBy = by;
        ConfirmedAt = now;
        BankTransactionId = string.IsNullOrWhiteSpace(bankTransactionId) ? null : bankTransactionId.Trim();
        return null;
    }

    /// <summary>An expected transfer that will not come (its plan stopped); a received one stays received.</summary>
    public void Cancel()
    {
        if (Status == DonationStatus.Expected) Status = DonationStatus.Cancelled;
    }

    /// <summary>A plan's new amount reaches its instalments still expected.</summary>
    public void ChangeExpectedAmount(decimal amount)
    {
        if (Status == DonationStatus.Expected) Amount = Yen.Require(amount, nameof(amount));
    }

    /// <summary>The entry this donation makes on the receiving account's ledger, once received.</summary>
    public LedgerEntry ToLedger(string anonymousName, LedgerProject? campaign, DateTimeOffset now)
    {
        if (Status != DonationStatus.Received || ReceivedOn is not { } on) throw new InvalidOperationException("Only a received donation is on the ledger.");
        var from = LedgerParty.Person(Anonymous ? null : DonorId, Anonymous || DonorName.Length == 0 ? anonymousName : DonorName);
        var source = new LedgerSource(Id, on, now, IsMoney ? Designation : InKindDescription, campaign);
        return Ledger.Receive(Account, IsMoney ? LedgerEntryKind.Donation : LedgerEntryKind.InKindGift, Amount, from, source, IsMoney);
    }

    /// <summary>The account goes but a receipt was issued: the name and address stay with the issuer's copy.</summary>
    public void ForgetAccount() => DonorId = null;

    /// <summary>The donor forgets the account: the donation stays (it is the organization's record and on its ledger) without them.</summary>
    public void ForgetDonor()
    {
        DonorId = null;
        DonorName = "";
        DonorAddress = "";
    }
}

/// <summary>Where a donation goes: what was given to, the organization that receives it and, for a campaign or fund, which.</summary>
public sealed record DonationDestination(DonationTarget Target, Guid OrganizationId, Guid? CampaignId, Guid? FundId);

/// <summary>Who gave and how they want to appear.</summary>
public sealed record DonorDetails(Guid? AccountId, string Name, string Address, string Designation, bool Anonymous, bool NameShownToOrganization);

public enum DonationTarget
{
    Organization = 1,
    Campaign = 2,
    Fund = 3,
}

/// <summary>
/// How the money comes. Built in: bank transfer (reconciled by the organization) and cash or in-kind (recorded by the
/// organization). A card processor would be another method whose confirmation comes from the processor's notification.
/// </summary>
public enum DonationMethod
{
    BankTransfer = 1,
    Cash = 2,
    InKind = 3,
}

public enum DonationStatus
{
    /// <summary>Promised; the money has not been seen.</summary>
    Expected = 1,

    /// <summary>Confirmed received by the organization: on the ledger.</summary>
    Received = 2,

    /// <summary>Will not come (an instalment of a stopped plan).</summary>
    Cancelled = 3,
}

public enum DonationProblem
{
    AlreadyReceived = 1,
    Cancelled = 2,
}
