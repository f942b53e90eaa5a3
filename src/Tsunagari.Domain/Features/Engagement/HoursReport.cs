namespace Tsunagari.Features.Engagement;

/// <summary>Hours a person reports for an activity outside the platform; they count once the organization approves.</summary>
public sealed class HoursReport
{
    public const int MaxDescriptionLength = 1000;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid AccountId { get; private set; }
    public Guid OrganizationId { get; private set; }
    public DateOnly Date { get; private set; }
    public decimal Hours { get; private set; }
    public string Description { get; private set; } = "";

    /// <summary>Fields of activity (NPO Act numbers), for hours per field.</summary>
    public List<int> Fields { get; private set; } = [];

    public HoursReportStatus Status { get; set; } = HoursReportStatus.Pending;
    public Guid? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string DecisionNote { get; set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    private HoursReport() { }

    public HoursReport(Guid accountId, Guid organizationId, DateOnly date, decimal hours, string description, IEnumerable<int> fields, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(description);
        AccountId = accountId;
        OrganizationId = organizationId;
        Date = date;
        Hours = hours;
        Description = description.Trim();
        Fields = fields.Distinct().Order().ToList();
        CreatedAt = now;
    }
}

public enum HoursReportStatus
{
    Pending = 1,
    Approved = 2,
    Rejected = 3,
}
