namespace Tsunagari.Features.ProBono;

/// <summary>
/// Hours a professional gave to a project on one day, in one role. Valued at the deployment's rate for the role's skill
/// (ProBonoOptions), it is the organization's in-kind contribution.
/// </summary>
public sealed class DonatedTime
{
    public const decimal MaxHoursPerDay = 16;
    public const int MaxNoteLength = 300;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid ProjectId { get; private set; }
    /// <summary>Null once the professional's account is deleted: the organization's in-kind contribution stays.</summary>
    public Guid? AccountId { get; private set; }
    public string Skill { get; private set; } = "";
    public DateOnly On { get; private set; }
    public decimal Hours { get; private set; }
    public string Note { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }

    private DonatedTime() { }

    public DonatedTime(Guid projectId, Guid accountId, string skill, DateOnly on, decimal hours, string note, DateTimeOffset now)
    {
        ProjectId = projectId;
        AccountId = accountId;
        Skill = skill;
        On = on;
        Hours = hours;
        Note = note.Trim();
        RecordedAt = now;
    }
}
