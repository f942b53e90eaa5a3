namespace Tsunagari.Features.ProBono;

/// <summary>
/// A short expert session (短時間の専門相談): about an hour of advice from one professional, a lighter format than a
/// challenge. The organization asks with up to three preferred slots, a coordinator proposes a professional and one of
/// the slots, the professional accepts (scheduled) or declines (back to the queue), and after the time the organization
/// says whether it was held; the held minutes are the professional's donated time.
/// </summary>
public sealed class ExpertSession
{
    public const int MaxTopicLength = 2000;
    public const int MaxReasonLength = 1000;
    public const int MaxNoteLength = 1000;
    public const int MinDuration = 30;
    public const int MaxDuration = 120;
    public const int DefaultDuration = 60;
    public const int MaxSlots = 3;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid OrganizationId { get; private set; }
    public Guid RequestedBy { get; private set; }
    public string Topic { get; private set; } = "";

    /// <summary>A skill key from the shared taxonomy.</summary>
    public string Skill { get; private set; } = "";

    public WorkMode Mode { get; private set; }
    public string? MunicipalityCode { get; private set; }
    public DateTimeOffset Slot1 { get; private set; }
    public DateTimeOffset? Slot2 { get; private set; }
    public DateTimeOffset? Slot3 { get; private set; }
    public int DurationMinutes { get; private set; } = DefaultDuration;
    public ExpertSessionStatus Status { get; private set; } = ExpertSessionStatus.Requested;

    /// <summary>The professional proposed (Assigned) or who gives the session (Scheduled and after).</summary>
    public Guid? ProfessionalId { get; private set; }

    /// <summary>The slot the coordinator chose; the session's time once scheduled.</summary>
    public DateTimeOffset? StartsAt { get; private set; }

    public Guid? AssignedBy { get; private set; }
    public DateTimeOffset? AssignedAt { get; private set; }

    /// <summary>The coordinator's reason for declining, or the reason of whoever cancelled.</summary>
    public string Reason { get; private set; } = "";

    public Guid? ClosedBy { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>The minutes the professional gave: the duration once held, else 0.</summary>
    public int DonatedMinutes { get; private set; }

    public string OrganizationNote { get; private set; } = "";
    public int? OrganizationRating { get; private set; }
    public string ProfessionalNote { get; private set; } = "";
    public int? ProfessionalRating { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    private ExpertSession() { }

    public ExpertSession(Guid organizationId, Guid requestedBy, string topic, string skill, WorkMode mode, string? municipalityCode,
        IReadOnlyList<DateTimeOffset> slots, int durationMinutes, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(slots);
        if (slots.Count is < 1 or > MaxSlots) throw new ArgumentOutOfRangeException(nameof(slots), "One to three slots.");
        OrganizationId = organizationId;
        RequestedBy = requestedBy;
        Topic = topic.Trim();
        Skill = skill;
        Mode = mode;
        MunicipalityCode = string.IsNullOrWhiteSpace(municipalityCode) ? null : municipalityCode.Trim();
        Slot1 = slots[0];
        Slot2 = slots.Count > 1 ? slots[1] : null;
        Slot3 = slots.Count > 2 ? slots[2] : null;
        DurationMinutes = durationMinutes;
        RequestedAt = now;
        UpdatedAt = now;
    }

    /// <summary>The preferred slots, in the order the organization gave them.</summary>
    public IReadOnlyList<DateTimeOffset> Slots =>
        new[] { (DateTimeOffset?)Slot1, Slot2, Slot3 }.Where(s => s is not null).Select(s => s!.Value).ToList();

    /// <summary>Still to happen or be decided: the organization may cancel.</summary>
    public bool IsOpen => Status is ExpertSessionStatus.Requested or ExpertSessionStatus.Assigned or ExpertSessionStatus.Scheduled;

    public void Assign(Guid professionalId, DateTimeOffset slot, Guid coordinator, DateTimeOffset now)
    {
        if (Status != ExpertSessionStatus.Requested) throw new InvalidOperationException("Only a requested session is assigned.");
        if (!Slots.Contains(slot)) throw new ArgumentOutOfRangeException(nameof(slot), "Not one of the preferred slots.");
        Status = ExpertSessionStatus.Assigned;
        ProfessionalId = professionalId;
        StartsAt = slot;
        AssignedBy = coordinator;
        AssignedAt = now;
        UpdatedAt = now;
    }

    public void Decline(Guid coordinator, string reason, DateTimeOffset now)
    {
        if (Status != ExpertSessionStatus.Requested) throw new InvalidOperationException("Only a requested session is declined.");
        Close(ExpertSessionStatus.Declined, coordinator, reason, now);
    }

    /// <summary>The proposed professional accepts: the session takes place at the chosen slot.</summary>
    public void Accept(DateTimeOffset now)
    {
        if (Status != ExpertSessionStatus.Assigned) throw new InvalidOperationException("Only an assigned session is accepted.");
        Status = ExpertSessionStatus.Scheduled;
        UpdatedAt = now;
    }

    /// <summary>The proposed professional declines: back to the coordinators' queue (the caller records the decline).</summary>
    public void Release(DateTimeOffset now)
    {
        if (Status is not (ExpertSessionStatus.Assigned or ExpertSessionStatus.Scheduled)) throw new InvalidOperationException("Nobody to release.");
        Status = ExpertSessionStatus.Requested;
        ProfessionalId = null;
        StartsAt = null;
        AssignedBy = null;
        AssignedAt = null;
        UpdatedAt = now;
    }

    public void Cancel(Guid by, string reason, DateTimeOffset now)
    {
        if (!IsOpen) throw new InvalidOperationException("Only an open session is cancelled.");
        Close(ExpertSessionStatus.Cancelled, by, reason, now);
    }

    /// <summary>After the time has passed, the organization says whether it took place; held minutes are donated time.</summary>
    public void RecordOutcome(bool held, Guid by, DateTimeOffset now)
    {
        if (Status != ExpertSessionStatus.Scheduled) throw new InvalidOperationException("Only a scheduled session is held or not.");
        Status = held ? ExpertSessionStatus.Held : ExpertSessionStatus.NotHeld;
        DonatedMinutes = held ? DurationMinutes : 0;
        ClosedBy = by;
        ClosedAt = now;
        UpdatedAt = now;
    }

    public void NoteByOrganization(string note, int rating, DateTimeOffset now)
    {
        if (Status != ExpertSessionStatus.Held || OrganizationRating is not null) throw new InvalidOperationException("One note, after the session.");
        OrganizationNote = note.Trim();
        OrganizationRating = rating;
        UpdatedAt = now;
    }

    public void NoteByProfessional(string note, int rating, DateTimeOffset now)
    {
        if (Status != ExpertSessionStatus.Held || ProfessionalRating is not null) throw new InvalidOperationException("One note, after the session.");
        ProfessionalNote = note.Trim();
        ProfessionalRating = rating;
        UpdatedAt = now;
    }

    /// <summary>Erasure of the professional: the organization keeps its record without them.</summary>
    public void ForgetProfessional(DateTimeOffset now)
    {
        if (Status == ExpertSessionStatus.Assigned) Release(now);
        else if (Status == ExpertSessionStatus.Scheduled) Close(ExpertSessionStatus.Cancelled, null, "", now);
        ProfessionalId = null;
        ProfessionalNote = "";
        ProfessionalRating = null;
        UpdatedAt = now;
    }

    private void Close(ExpertSessionStatus status, Guid? by, string reason, DateTimeOffset now)
    {
        Status = status;
        Reason = reason.Trim();
        ClosedBy = by;
        ClosedAt = now;
        UpdatedAt = now;
    }
}
