namespace Tsunagari.Features.Funds;

/// <summary>
/// An organization's application to a grant programme: a draft its admins edit (answers to the programme's questions,
/// the amount asked for, attachments) until they submit it; then reviewed and decided by the fund holder's admins.
/// </summary>
public sealed class GrantApplication
{
    public const int MaxTitleLength = 200;
    public const int MaxTextLength = 4000;
    public const int MaxAnswerLength = 2000;
    public const int MaxReasonLength = 2000;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid ProgrammeId { get; private set; }
    public Guid OrganizationId { get; private set; }
    public Guid CreatedBy { get; private set; }
    public string Title { get; set; } = "";
    public string Summary { get; set; } = "";
    public decimal? RequestedAmount { get; set; }

    /// <summary>One answer per programme question, in the programme's order.</summary>
    public List<string> Answers { get; set; } = [];

    public GrantApplicationStatus Status { get; private set; } = GrantApplicationStatus.Draft;
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string DecisionReason { get; private set; } = "";

    private GrantApplication() { }

    public GrantApplication(Guid programmeId, Guid organizationId, Guid createdBy, string title, DateTimeOffset now)
    {
        ProgrammeId = programmeId;
        OrganizationId = organizationId;
        CreatedBy = createdBy;
        Title = title.Trim();
        CreatedAt = UpdatedAt = now;
    }

    public bool IsDraft => Status == GrantApplicationStatus.Draft;

    public void Touch(DateTimeOffset now) => UpdatedAt = now;

    public void Submit(DateTimeOffset now)
    {
        if (!IsDraft) throw new InvalidOperationException("Only a draft is submitted.");
        Status = GrantApplicationStatus.Submitted;
        SubmittedAt = UpdatedAt = now;
    }

    public void Award(DateTimeOffset now) => Decide(GrantApplicationStatus.Awarded, "", now);

    public void Decline(string reason, DateTimeOffset now) => Decide(GrantApplicationStatus.Declined, reason, now);

    private void Decide(GrantApplicationStatus status, string reason, DateTimeOffset now)
    {
        if (Status != GrantApplicationStatus.Submitted) throw new InvalidOperationException("Only a submitted application is decided.");
        Status = status;
        DecisionReason = reason.Trim();
        DecidedAt = UpdatedAt = now;
    }
}

public enum GrantApplicationStatus
{
    Draft = 1,
    Submitted = 2,
    Awarded = 3,
    Declined = 4,
}

/// <summary>A file attached to an application, recognized by its bytes when added (as proposal attachments are).</summary>
public sealed class GrantAttachment
{
    public const int MaxFileBytes = 10 * 1024 * 1024;
    public const int MaxPerApplication = 10;
    public const int MaxFileNameLength = 200;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid ApplicationId { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long Size { get; private set; }
    public byte[] Content { get; private set; } = [];
    public DateTimeOffset AddedAt { get; private set; }

    private GrantAttachment() { }

    public GrantAttachment(Guid applicationId, string fileName, string contentType, byte[] content, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(content);
        ApplicationId = applicationId;
        FileName = fileName;
        ContentType = contentType;
        Content = content;
        Size = content.LongLength;
        AddedAt = now;
    }
}
