using Tsunagari.Features.Search;

namespace Tsunagari.Features.Opportunities;

/// <summary>A way to take part offered by an organization: an event, a regular activity, a role, a request for help.</summary>
public sealed class Opportunity : ISearchable
{
    public const int MaxTitleLength = 200;
    public const int MaxDescriptionLength = 20_000;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid OrganizationId { get; private set; }
    public string Title { get; private set; } = "";

    /// <summary>Markdown; rendered sanitized.</summary>
    public string Description { get; private set; } = "";

    public List<int> Fields { get; private set; } = [];

    /// <summary>Ids of <see cref="WayToTakePart"/>.</summary>
    public List<int> Ways { get; private set; } = [];

    public string MunicipalityCode { get; private set; } = "";
    public bool IsOnline { get; private set; }
    public string VenueName { get; private set; } = "";
    public string VenueAddress { get; private set; } = "";
    public double? Latitude { get; private set; }
    public double? Longitude { get; private set; }

    /// <summary>Start of the first (or only) occurrence, UTC.</summary>
    public DateTimeOffset StartsAt { get; private set; }

    public DateTimeOffset EndsAt { get; private set; }

    /// <summary>RFC 5545 RRULE (without the "RRULE:" prefix) for recurring opportunities, evaluated in Asia/Tokyo.</summary>
    public string? RecurrenceRule { get; private set; }

    /// <summary>Dates (Japan) on which a recurring opportunity does not take place.</summary>
    public List<DateOnly> RecurrenceExceptions { get; private set; } = [];

    public int? Capacity { get; private set; }
    public DateTimeOffset? ApplicationDeadline { get; private set; }
    public decimal? FeeYen { get; private set; }
    public string ContactEmail { get; private set; } = "";
    public string ContactPhone { get; private set; } = "";

    /// <summary>BCP 47 language tags the opportunity is held in ("ja", "en", "vi", …).</summary>
    public List<string> Languages { get; private set; } = [];

    public int? MinAge { get; private set; }
    public int? MaxAge { get; private set; }
    public AccessibilityFeatures Accessibility { get; private set; }

    /// <summary>Sign-ups wait for an admin's approval before they hold a place.</summary>
    public bool RequiresApproval { get; private set; }

    /// <summary>Questions the organization asks everyone who signs up.</summary>
    public List<string> SignUpQuestions { get; private set; } = [];

    public OpportunityStatus Status { get; private set; } = OpportunityStatus.Draft;
    public string CancellationReason { get; private set; } = "";
    public DateTimeOffset? PublishedAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    private Opportunity() { }

    public Opportunity(Guid organizationId, OpportunityDetails details, DateTimeOffset now)
    {
        OrganizationId = organizationId;
        CreatedAt = now;
        Update(details, now);
    }

    public void Update(OpportunityDetails details, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        Title = details.Title.Trim();
        Description = details.Description.Trim();
        Fields = details.Fields.Distinct().Order().ToList();
        Ways = details.Ways.Distinct().Order().ToList();
        MunicipalityCode = details.MunicipalityCode;
        IsOnline = details.IsOnline;
        VenueName = details.VenueName.Trim();
        VenueAddress = details.VenueAddress.Trim();
        Latitude = details.Latitude;
        Longitude = details.Longitude;
        StartsAt = details.StartsAt.ToUniversalTime();
        EndsAt = details.EndsAt.ToUniversalTime();
        RecurrenceRule = string.IsNullOrWhiteSpace(details.RecurrenceRule) ? null : details.RecurrenceRule.Trim();
        RecurrenceExceptions = details.RecurrenceExceptions.Distinct().Order().ToList();
        Capacity = details.Capacity;
        ApplicationDeadline = details.ApplicationDeadline?.ToUniversalTime();
        FeeYen = details.FeeYen;
        ContactEmail = details.ContactEmail.Trim();
        ContactPhone = details.ContactPhone.Trim();
        Languages = details.Languages.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        MinAge = details.MinAge;
        MaxAge = details.MaxAge;
        Accessibility = details.Accessibility | (details.IsOnline ? AccessibilityFeatures.Online : AccessibilityFeatures.None);
        UpdatedAt = now;
    }

    public const int MaxSignUpQuestions = 5;
    public const int MaxQuestionLength = 200;

    public void SetSignUpRules(bool requiresApproval, IEnumerable<string> questions, DateTimeOffset now)
    {
        RequiresApproval = requiresApproval;
        SignUpQuestions = questions.Select(q => q.Trim()).Where(q => q.Length > 0).ToList();
        UpdatedAt = now;
    }

    public bool IsPublic => Status is OpportunityStatus.Published or OpportunityStatus.Closed or OpportunityStatus.Cancelled;

    /// <summary>False when the change is not allowed from the current state (the caller shows why).</summary>
    public bool Publish(DateTimeOffset now)
    {
        if (Status != OpportunityStatus.Draft) return false;
        Status = OpportunityStatus.Published;
        PublishedAt = now;
        UpdatedAt = now;
        return true;
    }

    public bool Close(DateTimeOffset now)
    {
        if (Status != OpportunityStatus.Published) return false;
        Status = OpportunityStatus.Closed;
        UpdatedAt = now;
        return true;
    }

    public bool Cancel(string reason, DateTimeOffset now)
    {
        if (Status is not (OpportunityStatus.Draft or OpportunityStatus.Published)) return false;
        Status = OpportunityStatus.Cancelled;
        CancellationReason = reason.Trim();
        UpdatedAt = now;
        return true;
    }
}
