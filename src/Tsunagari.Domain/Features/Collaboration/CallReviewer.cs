namespace Tsunagari.Features.Collaboration;

/// <summary>A person staff asked to review a call's proposals (staff or an outside expert with an account).</summary>
public sealed class CallReviewer
{
    public Guid CallId { get; private set; }
    public Guid AccountId { get; private set; }
    public DateTimeOffset AddedAt { get; private set; }

    private CallReviewer() { }

    public CallReviewer(Guid callId, Guid accountId, DateTimeOffset addedAt)
    {
        CallId = callId;
        AccountId = accountId;
        AddedAt = addedAt;
    }
}
