namespace Tsunagari.Features.Engagement;

/// <summary>
/// A certificate of volunteer activity an organization issued to a person: a snapshot of the record for a period, kept
/// so that the printed copy can be checked against it by its number.
/// </summary>
public sealed class Certificate
{
    public const int MaxNoteLength = 500;

    public Guid Id { get; private set; } = Guid.NewGuid();

    /// <summary>Per organization and year, e.g. 2026-0007.</summary>
    public string Number { get; private set; } = "";

    public Guid OrganizationId { get; private set; }
    public Guid AccountId { get; private set; }
    public string HolderName { get; private set; } = "";
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    public int Activities { get; private set; }
    public decimal Hours { get; private set; }
    public string Note { get; private set; } = "";
    public Guid IssuedBy { get; private set; }
    public DateTimeOffset IssuedAt { get; private set; }

    private Certificate() { }

    public Certificate(string number, Guid organizationId, Guid accountId, string holderName, DateOnly from, DateOnly to, int activities, decimal hours, string note, Guid issuedBy, DateTimeOffset issuedAt)
    {
        ArgumentNullException.ThrowIfNull(note);
        Number = number;
        OrganizationId = organizationId;
        AccountId = accountId;
        HolderName = holderName;
        From = from;
        To = to;
        Activities = activities;
        Hours = hours;
        Note = note.Trim();
        IssuedBy = issuedBy;
        IssuedAt = issuedAt;
    }
}
