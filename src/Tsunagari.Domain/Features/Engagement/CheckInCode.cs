namespace Tsunagari.Features.Engagement;

/// <summary>The attendance code an organization shows at the venue of one occurrence; valid only around it.</summary>
public sealed class CheckInCode
{
    public const int Length = 6;

    public Guid OpportunityId { get; private set; }
    public DateOnly Occurrence { get; private set; }
    public string Code { get; private set; } = "";
    public DateTimeOffset ValidFrom { get; private set; }
    public DateTimeOffset ValidUntil { get; private set; }

    private CheckInCode() { }

    public CheckInCode(Guid opportunityId, DateOnly occurrence, string code, DateTimeOffset validFrom, DateTimeOffset validUntil)
    {
        OpportunityId = opportunityId;
        Occurrence = occurrence;
        Code = code;
        ValidFrom = validFrom;
        ValidUntil = validUntil;
    }

    public bool IsValidAt(DateTimeOffset now) => now >= ValidFrom && now <= ValidUntil;
}
