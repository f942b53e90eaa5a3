namespace Tsunagari.Features.Engagement;

/// <summary>
/// A person's sign-up for an opportunity, or for one occurrence of a recurring one, and what came of it: approval,
/// waitlist, cancellation, attendance and hours. An attended sign-up is a participation record.
/// </summary>
public sealed class SignUp
{
    /// <summary>The <see cref="Occurrence"/> of a sign-up for the opportunity as a whole (a one-off event or an ongoing role).</summary>
    public static readonly DateOnly WholeOpportunity = DateOnly.MinValue;

    public const int MaxAnswerLength = 2000;
    public const int MaxReasonLength = 1000;

    /// <summary>No single activity is credited with more hours than a day has.</summary>
    public const decimal MaxHours = 24;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid OpportunityId { get; private set; }

    /// <summary>The opportunity's organization, kept here because journeys and rosters are read per organization.</summary>
    public Guid OrganizationId { get; private set; }

    public Guid AccountId { get; private set; }

    /// <summary>Japan date of the occurrence signed up for, or <see cref="WholeOpportunity"/>.</summary>
    public DateOnly Occurrence { get; private set; }

    public SignUpStatus Status { get; set; }

    /// <summary>
    /// The place held (1 to the capacity) while confirmed under a capacity. Unique per opportunity and occurrence, so
    /// two people can never be given the last place, whatever the database's isolation.
    /// </summary>
    public int? Seat { get; set; }

    /// <summary>Answers to the organization's questions, in the order asked.</summary>
    public List<string> Answers { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public CancelledBy? CancelledBy { get; set; }
    public string CancellationReason { get; set; } = "";
    public DateTimeOffset? CancelledAt { get; set; }
    public DateTimeOffset? ReminderSentAt { get; set; }

    /// <summary>When the person was checked in; set means they attended.</summary>
    public DateTimeOffset? CheckedInAt { get; set; }

    public DateTimeOffset? CheckedOutAt { get; set; }
    public CheckInMethod? CheckInMethod { get; set; }

    /// <summary>Hours credited for this activity: from check-in to check-out, or entered by the organization.</summary>
    public decimal? Hours { get; set; }

    private SignUp() { }

    public SignUp(Guid opportunityId, Guid organizationId, Guid accountId, DateOnly occurrence, DateTimeOffset now)
    {
        OpportunityId = opportunityId;
        OrganizationId = organizationId;
        AccountId = accountId;
        Occurrence = occurrence;
        CreatedAt = now;
        UpdatedAt = now;
    }
}

public enum SignUpStatus
{
    /// <summary>Waiting for the organization's approval.</summary>
    Pending = 1,

    Confirmed = 2,
    Waitlisted = 3,
    Cancelled = 4,

    /// <summary>Not approved by the organization.</summary>
    Declined = 5,
}

public enum CancelledBy
{
    Participant = 1,
    Organization = 2,
}

public enum CheckInMethod
{
    /// <summary>Checked in by the organization from its roster.</summary>
    Roster = 1,

    /// <summary>The person entered the attendance code shown at the venue (or scanned its QR code).</summary>
    Code = 2,

    /// <summary>The organization entered hours afterwards.</summary>
    Recorded = 3,
}
