namespace Tsunagari.Features.ProBono;

/// <summary>A professional's decline of an expert session proposed to them: the pair is never suggested again for it.</summary>
public sealed class ExpertSessionDecline
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid SessionId { get; private set; }
    public Guid AccountId { get; private set; }
    public string Reason { get; private set; } = "";
    public DateTimeOffset DeclinedAt { get; private set; }

    private ExpertSessionDecline() { }

    public ExpertSessionDecline(Guid sessionId, Guid accountId, string reason, DateTimeOffset now)
    {
        SessionId = sessionId;
        AccountId = accountId;
        Reason = reason;
        DeclinedAt = now;
    }
}
