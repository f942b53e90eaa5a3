namespace Tsunagari.Features.Funds;

/// <summary>
/// A fundraising campaign (寄附キャンペーン) of an organization for one project: a goal in yen and/or in people, an
/// optional deadline, and optionally one of the organization's funds that collects its donations. Its progress is counted
/// from donations confirmed as received, never from promises.
/// </summary>
public sealed class Campaign
{
    public const int MaxTitleLength = 200;
    public const int MaxDescriptionLength = 4000;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid OrganizationId { get; private set; }

    /// <summary>A fund the organization holds; donations to the campaign then go to the fund's account.</summary>
    public Guid? FundId { get; set; }

    public string Title { get; set; } = "";
    public string Description { get; set; } = "";

    /// <summary>The goal in yen, or null when the goal is only in people.</summary>
    public decimal? GoalAmount { get; set; }

    /// <summary>The goal in donors, or null when the goal is only in yen.</summary>
    public int? GoalPeople { get; set; }

    /// <summary>The last day donations are taken (Japan date), or null for no deadline.</summary>
    public DateOnly? EndsOn { get; set; }

    public Guid CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; set; }

    private Campaign() { }

    public Campaign(Guid organizationId, string title, Guid createdBy, DateTimeOffset now)
    {
        OrganizationId = organizationId;
        Title = title;
        CreatedBy = createdBy;
        CreatedAt = now;
        UpdatedAt = now;
    }

    /// <summary>Whether it still takes donations on <paramref name="today"/> (a Japan date).</summary>
    public bool IsOpen(DateOnly today) => EndsOn is not { } end || today <= end;

    public LedgerProject Project => new(Id, Title);

    public LedgerAccount Account => FundId is { } fund ? LedgerAccount.OfFund(fund) : LedgerAccount.OfOrganization(OrganizationId);
}
