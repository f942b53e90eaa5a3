using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.Opportunities;
using Tsunagari.Platform;

namespace Tsunagari.Features.Engagement.Notifications;

/// <summary>Tells everyone with an active sign-up when an opportunity's time or place changes, or when it is cancelled.</summary>
public sealed class OpportunityChangeNotices(AppDbContext db, TimeProvider clock) : IOpportunityChanges
{
    public async Task ChangedAsync(Opportunity opportunity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(opportunity);
        var start = TimeZoneInfo.ConvertTime(opportunity.StartsAt, JapanTime.Zone);
        var end = TimeZoneInfo.ConvertTime(opportunity.EndsAt, JapanTime.Zone);
        // Language-neutral facts (dates and the venue as entered); the sentence around them is rendered per reader.
        var place = opportunity.IsOnline ? "Online" : string.Join(" ", new[] { opportunity.VenueName, opportunity.VenueAddress }.Where(x => x.Length > 0));
        var detail = string.Create(CultureInfo.InvariantCulture, $"{start:yyyy-MM-dd HH:mm}–{end:HH:mm} {place}").Trim();
        await AddAsync(opportunity, NotificationKind.OpportunityChanged, detail, cancellationToken);
    }

    public Task CancelledAsync(Opportunity opportunity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(opportunity);
        return AddAsync(opportunity, NotificationKind.OpportunityCancelled, opportunity.CancellationReason, cancellationToken);
    }

    private async Task AddAsync(Opportunity opportunity, NotificationKind kind, string detail, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var active = await db.SignUps.AsNoTracking()
            .Where(s => s.OpportunityId == opportunity.Id && (s.Status == SignUpStatus.Pending || s.Status == SignUpStatus.Confirmed || s.Status == SignUpStatus.Waitlisted))
            .Select(s => new { s.AccountId, s.Occurrence }).ToListAsync(cancellationToken);
        foreach (var s in active.DistinctBy(s => s.AccountId))
            db.Notifications.Add(new Notification(s.AccountId, kind, Notify.Subject(opportunity, SignUp.WholeOpportunity), Notify.Clip(detail), $"/opportunities/{opportunity.Id}", now));
    }
}
