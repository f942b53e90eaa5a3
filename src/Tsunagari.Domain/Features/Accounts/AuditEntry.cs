namespace Tsunagari.Features.Accounts;

/// <summary>A record that staff looked at or changed someone's personal data (APPI: who accessed what, when).</summary>
public sealed class AuditEntry
{
    public long Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public Guid? ActorId { get; private set; }
    public string Action { get; private set; } = "";
    public Guid? SubjectId { get; private set; }
    public string Detail { get; private set; } = "";

    private AuditEntry() { }

    public AuditEntry(DateTimeOffset at, Guid? actorId, string action, Guid? subjectId, string detail)
    {
        At = at;
        ActorId = actorId;
        Action = action;
        SubjectId = subjectId;
        Detail = detail;
    }
}
