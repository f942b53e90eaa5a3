namespace Tsunagari.Features.Funds;

/// <summary>
/// A monthly donation (毎月の寄附). It makes one expected instalment (<see cref="Donation.Instalment"/>) for each month
/// it is active, from the month it starts: <see cref="DueMonths"/> gives the months not yet made up to the current one,
/// and the pages that show instalments make them when they are shown (the donor's and the organization's pages, and
/// before a bank CSV is imported), so no background job is needed. A paused month gets no instalment and is not made up
/// later; stopping ends the plan and cancels its instalments still expected. The donor transfers each month with the
/// plan's one reference (a standing order), and each transfer reconciles the oldest instalment still expected.
/// </summary>
public sealed class DonationPlan
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public string Reference { get; private set; } = "";
    public DonationTarget Target { get; private set; }
    public Guid OrganizationId { get; private set; }
    public Guid? CampaignId { get; private set; }
    public Guid? FundId { get; private set; }
    public Guid? DonorId { get; private set; }
    public string DonorName { get; private set; } = "";
    public string DonorAddress { get; private set; } = "";
    public string Designation { get; private set; } = "";
    public bool Anonymous { get; private set; }
    public bool NameShownToOrganization { get; private set; }

    public decimal Amount { get; private set; }
    public DonationPlanStatus Status { get; private set; } = DonationPlanStatus.Active;

    /// <summary>The first day of the last month that has its instalment (or was skipped while paused).</summary>
    public DateOnly LastMonth { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    private DonationPlan() { }

    /// <summary>A plan whose first instalment is for the month of <paramref name="today"/>.</summary>
    public DonationPlan(DonationDestination to, DonorDetails donor, decimal amount, string reference, DateOnly today, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(donor);
        (Target, OrganizationId, CampaignId, FundId) = (to.Target, to.OrganizationId, to.CampaignId, to.FundId);
        (DonorId, DonorName, DonorAddress, Designation, Anonymous, NameShownToOrganization) =
            (donor.AccountId, donor.Name, donor.Address, donor.Designation, donor.Anonymous, donor.NameShownToOrganization);
        Amount = Yen.Require(amount, nameof(amount));
        Reference = reference;
        LastMonth = MonthOf(today).AddMonths(-1);
        CreatedAt = now;
        UpdatedAt = now;
    }

    public DonationDestination Destination => new(Target, OrganizationId, CampaignId, FundId);

    public DonorDetails Donor => new(DonorId, DonorName, DonorAddress, Designation, Anonymous, NameShownToOrganization);

    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    /// <summary>The months from the last one made up to <paramref name="today"/>'s, which get an instalment now; none unless active.</summary>
    public IReadOnlyList<DateOnly> DueMonths(DateOnly today)
    {
        if (Status != DonationPlanStatus.Active) return [];
        var months = new List<DateOnly>();
        for (var month = LastMonth.AddMonths(1); month <= MonthOf(today); month = month.AddMonths(1)) months.Add(month);
        if (months.Count > 0) LastMonth = months[^1];
        return months;
    }

    public void ChangeAmount(decimal amount, DateTimeOffset now)
    {
        Amount = Yen.Require(amount, nameof(amount));
        UpdatedAt = now;
    }

    /// <summary>Pauses after the months made so far; false when it is not active.</summary>
    public bool Pause(DateTimeOffset now)
    {
        if (Status != DonationPlanStatus.Active) return false;
        Status = DonationPlanStatus.Paused;
        UpdatedAt = now;
        return true;
    }

    /// <summary>Resumes from the month of <paramref name="today"/>: the months paused are skipped, not made up.</summary>
    public bool Resume(DateOnly today, DateTimeOffset now)
    {
        if (Status != DonationPlanStatus.Paused) return false;
        Status = DonationPlanStatus.Active;
        var before = MonthOf(today).AddMonths(-1);
        if (LastMonth < before) LastMonth = before;
        UpdatedAt = now;
        return true;
    }

    public bool Stop(DateTimeOffset now)
    {
        if (Status == DonationPlanStatus.Stopped) return false;
        Status = DonationPlanStatus.Stopped;
        UpdatedAt = now;
        return true;
    }

    public void ForgetDonor()
    {
        DonorId = null;
        DonorName = "";
        DonorAddress = "";
    }
}

public enum DonationPlanStatus
{
    Active = 1,
    Paused = 2,
    Stopped = 3,
}
