using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.Opportunities;
using Tsunagari.Platform;

namespace Tsunagari.Features.Engagement.SignUps;

/// <summary>A sign-up as its person sees it (the API's shape and the rows of /me/signups).</summary>
public sealed record SignUpItem(
    Guid Id,
    Guid OpportunityId,
    string OpportunityTitle,
    [property: JsonConverter(typeof(JsonStringEnumConverter<OpportunityStatus>))] OpportunityStatus OpportunityStatus,
    DateOnly? Occurrence,
    DateTimeOffset StartsAt,
    [property: JsonConverter(typeof(JsonStringEnumConverter<SignUpStatus>))] SignUpStatus Status,
    int? Seat,
    int? WaitlistPosition,
    IReadOnlyList<string> Answers,
    /// <summary>"Participant" or "Organization" once cancelled.</summary>
    string? CancelledBy,
    string Reason,
    DateTimeOffset CreatedAt)
{
    /// <summary>The sign-ups of one person (or one of them, or those for one opportunity), latest occurrence first, in one query.</summary>
    public static async Task<IReadOnlyList<SignUpItem>> ListAsync(AppDbContext db, Guid accountId, Guid? signUpId, Guid? opportunityId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await (
            from s in db.SignUps.AsNoTracking()
            where s.AccountId == accountId && (signUpId == null || s.Id == signUpId) && (opportunityId == null || s.OpportunityId == opportunityId)
            join o in db.Opportunities on s.OpportunityId equals o.Id
            select new
            {
                s.Id,
                s.OpportunityId,
                o.Title,
                o.Status,
                OpportunityStart = o.StartsAt,
                s.Occurrence,
                SignUpStatus = s.Status,
                s.Seat,
                s.Answers,
                s.CancelledBy,
                s.CancellationReason,
                s.CreatedAt,
                Ahead = s.Status == SignUpStatus.Waitlisted
                    ? db.SignUps.Count(w => w.OpportunityId == s.OpportunityId && w.Occurrence == s.Occurrence && w.Status == SignUpStatus.Waitlisted && w.UpdatedAt < s.UpdatedAt)
                    : (int?)null,
            }).ToListAsync(cancellationToken);
        return rows.Select(r => new SignUpItem(
                r.Id, r.OpportunityId, r.Title, r.Status,
                r.Occurrence == SignUp.WholeOpportunity ? null : r.Occurrence,
                StartOf(r.OpportunityStart, r.Occurrence),
                r.SignUpStatus, r.Seat, r.Ahead + 1, r.Answers, r.CancelledBy?.ToString(), r.CancellationReason, r.CreatedAt))
            .OrderByDescending(i => i.StartsAt).ToList();
    }

    /// <summary>The occurrence's start: its date at the opportunity's time of day (Japan), or the opportunity's start.</summary>
    public static DateTimeOffset StartOf(DateTimeOffset opportunityStart, DateOnly occurrence)
    {
        if (occurrence == SignUp.WholeOpportunity) return opportunityStart;
        var local = TimeZoneInfo.ConvertTime(opportunityStart, JapanTime.Zone);
        var at = occurrence.ToDateTime(TimeOnly.FromTimeSpan(local.TimeOfDay));
        return new DateTimeOffset(at, JapanTime.Zone.GetUtcOffset(at)).ToUniversalTime();
    }
}
