namespace Tsunagari.Features.Engagement;

/// <summary>
/// Something the platform tells a person, shown on the site and mailed at once or in the daily digest. The text is
/// rendered from <see cref="Kind"/> in the reader's language; <see cref="Subject"/> keeps the opportunity's or
/// organization's name as it was.
/// </summary>
public sealed class Notification
{
    public const int MaxSubjectLength = 200;
    public const int MaxDetailLength = 1000;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid AccountId { get; private set; }
    public NotificationKind Kind { get; private set; }
    public string Subject { get; private set; } = "";

    /// <summary>A reason or what changed, in the words of whoever caused it.</summary>
    public string Detail { get; private set; } = "";

    /// <summary>Site-relative link to what the notification is about.</summary>
    public string Link { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ReadAt { get; set; }

    /// <summary>When it was mailed, alone or in a digest; null until then.</summary>
    public DateTimeOffset? MailedAt { get; set; }

    private Notification() { }

    public Notification(Guid accountId, NotificationKind kind, string subject, string detail, string link, DateTimeOffset now)
    {
        AccountId = accountId;
        Kind = kind;
        Subject = subject;
        Detail = detail;
        Link = link;
        CreatedAt = now;
    }
}

public enum NotificationKind
{
    SignUpConfirmed = 1,
    SignUpReceived = 2,
    SignUpApproved = 3,
    SignUpDeclined = 4,
    Waitlisted = 5,
    PromotedFromWaitlist = 6,
    Reminder = 7,
    CancelledByOrganization = 8,
    CancelledByParticipant = 9,
    OpportunityChanged = 10,
    OpportunityCancelled = 11,
    HoursReported = 12,
    HoursApproved = 13,
    HoursRejected = 14,
    Reinvitation = 15,
    CoPlanningInvitation = 16,
    CertificateIssued = 17,
    NewSignUp = 18,
    ProBonoChallengeAccepted = 30,
    ProBonoChangesRequested = 31,
    ProBonoChallengeDeclined = 32,
    ProBonoProposal = 33,
    ProBonoProposalDeclined = 34,
    ProBonoChallengeStaffed = 35,
    ProBonoTeamCancelled = 36,
    ExpertSessionProposal = 37,
    ExpertSessionScheduled = 38,
    ExpertSessionProposalDeclined = 39,
    ExpertSessionDeclined = 40,
    ExpertSessionCancelled = 41,
    ProBonoEvaluationRequested = 45,
    ProBonoFollowUp = 46,
    CollaborationProposalAdopted = 50,
    CollaborationProposalAdoptedWithConditions = 51,
    CollaborationProposalNotAdopted = 52,
    CollectiveSubmissionDue = 60,
}
