using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.Opportunities;

namespace Tsunagari.Features.Engagement.Attendance;

/// <summary>The attendance code of one occurrence, made on first request: valid from two hours before it starts to two after it ends.</summary>
public sealed class IssueCheckInCode(AppDbContext db)
{
    public static readonly TimeSpan Margin = TimeSpan.FromHours(2);

    public Task<CheckInCode?> FindAsync(Guid opportunityId, DateOnly occurrence, CancellationToken cancellationToken) =>
        db.CheckInCodes.AsNoTracking().SingleOrDefaultAsync(c => c.OpportunityId == opportunityId && c.Occurrence == occurrence, cancellationToken);

    /// <summary>Null when the opportunity does not take place on that date.</summary>
    public async Task<CheckInCode?> RunAsync(Opportunity opportunity, DateOnly occurrence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(opportunity);
        if (OccurrenceTimes.Of(opportunity, occurrence) is not { } times) return null;
        var from = times.Start - Margin;
        var until = times.End + Margin;
        var existing = await FindAsync(opportunity.Id, times.Date, cancellationToken);
        if (existing is not null && existing.ValidFrom == from && existing.ValidUntil == until) return existing;
        if (existing is not null)
            // The opportunity's times changed since: the code moves with them.
            await db.CheckInCodes.Where(c => c.OpportunityId == opportunity.Id && c.Occurrence == times.Date).ExecuteDeleteAsync(cancellationToken);
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
            // Two occurrences valid at the same time never share a code, so a code names one occurrence.
            if (await db.CheckInCodes.AnyAsync(c => c.Code == code && c.ValidFrom <= until && c.ValidUntil >= from, cancellationToken)) continue;
            var created = new CheckInCode(opportunity.Id, times.Date, code, from, until);
            db.CheckInCodes.Add(created);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return created;
            }
            catch (DbUpdateException)
            {
                // Another admin made it at the same moment: theirs stands.
                db.Entry(created).State = EntityState.Detached;
                return await FindAsync(opportunity.Id, times.Date, cancellationToken);
            }
        }
        return null;
    }
}
