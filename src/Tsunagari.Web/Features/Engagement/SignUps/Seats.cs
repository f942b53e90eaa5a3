using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Tsunagari.Data;
using Tsunagari.Features.Engagement.Notifications;
using Tsunagari.Features.Opportunities;

namespace Tsunagari.Features.Engagement.SignUps;

/// <summary>
/// Places under a capacity. A confirmed sign-up holds a numbered seat, unique per opportunity and occurrence, so two
/// people given the same last place make the second insert fail (a unique violation) instead of overbooking.
/// </summary>
public static class Seats
{
    /// <summary>The lowest seat from 1 to the capacity nobody holds; null when full. Seats above a lowered capacity stay taken.</summary>
    public static async Task<int?> FreeSeatAsync(AppDbContext db, Guid opportunityId, DateOnly occurrence, int capacity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var taken = await db.SignUps.AsNoTracking()
            .Where(s => s.OpportunityId == opportunityId && s.Occurrence == occurrence && s.Seat != null)
            .Select(s => s.Seat!.Value).ToListAsync(cancellationToken);
        var held = taken.Where(t => t <= capacity).ToHashSet();
        // A capacity lowered below the people already confirmed leaves no place until enough of them cancel.
        if (taken.Count >= capacity) return null;
        for (var seat = 1; seat <= capacity; seat++)
            if (!held.Contains(seat)) return seat;
        return null;
    }

    /// <summary>
    /// Gives free places (all, without a capacity) to the earliest waitlisted people, as Confirmed, with a notification each. Call after the
    /// freed seat has been saved (inside the caller's transaction), so the unique index never sees a seat twice.
    /// </summary>
    public static async Task PromoteAsync(AppDbContext db, Opportunity opportunity, DateOnly occurrence, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(opportunity);
        while (true)
        {
            // Without a capacity (it was removed) everyone waiting gets in, without a seat.
            int? seat = null;
            if (opportunity.Capacity is { } capacity && (seat = await FreeSeatAsync(db, opportunity.Id, occurrence, capacity, cancellationToken)) is null) return;
            var next = await db.SignUps
                .Where(s => s.OpportunityId == opportunity.Id && s.Occurrence == occurrence && s.Status == SignUpStatus.Waitlisted)
                .OrderBy(s => s.UpdatedAt).ThenBy(s => s.Id).FirstOrDefaultAsync(cancellationToken);
            if (next is null) return;
            next.Status = SignUpStatus.Confirmed;
            next.Seat = seat;
            next.UpdatedAt = now;
            db.Notifications.Add(Notify.Participant(next, opportunity, NotificationKind.PromotedFromWaitlist, "", now));
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>True for a unique-index violation on either database (a seat or a sign-up taken at the same moment).</summary>
    public static bool IsUniqueViolation(DbUpdateException exception) => exception?.InnerException switch
    {
        SqliteException s => s.SqliteErrorCode == 19, // SQLITE_CONSTRAINT
        PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    /// <summary>Japan start of an occurrence (the opportunity's start for a whole-opportunity sign-up).</summary>
    public static DateTimeOffset? StartOf(Opportunity opportunity, DateOnly occurrence)
    {
        ArgumentNullException.ThrowIfNull(opportunity);
        if (occurrence == SignUp.WholeOpportunity || Recurrence.Parse(opportunity.RecurrenceRule) is null) return opportunity.StartsAt;
        var from = new DateTimeOffset(occurrence.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(9)).ToUniversalTime();
        var found = Recurrence.Occurrences(opportunity, from, from.AddDays(1), 1);
        return found.Count > 0 ? found[0].Start : null;
    }

    public static DateOnly JapanDate(DateTimeOffset utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(utc, Platform.JapanTime.Zone).DateTime);
}
