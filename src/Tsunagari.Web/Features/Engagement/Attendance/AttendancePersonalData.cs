using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;

namespace Tsunagari.Features.Engagement.Attendance;

/// <summary>
/// Hours a person reported and certificates issued to them. Erasing deletes both: a certificate is a snapshot of the
/// person's name and record, so it cannot outlive them; the organization keeps a gap in its numbering.
/// (Check-ins and hours of sign-ups are the sign-ups' personal data.)
/// </summary>
public sealed class AttendancePersonalData(AppDbContext db) : IPersonalData
{
    public string Section => "hoursAndCertificates";

    public async Task<object?> ExportAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var reports = await db.HoursReports.AsNoTracking().Where(r => r.AccountId == accountId).OrderBy(r => r.CreatedAt)
            .Select(r => new { r.Id, r.OrganizationId, r.Date, r.Hours, r.Description, r.Fields, Status = r.Status.ToString(), r.DecidedAt, r.DecisionNote, r.CreatedAt })
            .ToListAsync(cancellationToken);
        var certificates = await db.Certificates.AsNoTracking().Where(c => c.AccountId == accountId).OrderBy(c => c.IssuedAt)
            .Select(c => new { c.Id, c.Number, c.OrganizationId, c.HolderName, c.From, c.To, c.Activities, c.Hours, c.Note, c.IssuedAt })
            .ToListAsync(cancellationToken);
        return new { HoursReports = reports, Certificates = certificates };
    }

    public async Task EraseAsync(Guid accountId, CancellationToken cancellationToken)
    {
        await db.HoursReports.Where(r => r.AccountId == accountId).ExecuteDeleteAsync(cancellationToken);
        await db.Certificates.Where(c => c.AccountId == accountId).ExecuteDeleteAsync(cancellationToken);
        // Decisions the person made as an organization's admin stay, without pointing at them.
        await db.HoursReports.Where(r => r.DecidedBy == accountId).ExecuteUpdateAsync(s => s.SetProperty(r => r.DecidedBy, (Guid?)null), cancellationToken);
    }
}
