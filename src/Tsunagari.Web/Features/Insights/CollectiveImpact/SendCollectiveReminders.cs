using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.Engagement;
using Tsunagari.Features.Organizations;
using Tsunagari.Platform;

namespace Tsunagari.Features.Insights.CollectiveImpact;

/// <summary>
/// Reminds partners to submit: from <see cref="CollectiveInitiative.ReminderDaysBefore"/> days before a period's due date
/// until it closes, each current partner of an active initiative that has not submitted every shared indicator for the
/// period gets one notification per admin — once per partner and period (a <see cref="CollectiveReminder"/> row, whose
/// key stops a second node sending it again). A partner that submits in time is never reminded.
/// </summary>
public sealed class SendCollectiveReminders(AppDbContext db, TimeProvider clock)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = JapanTime.Date(now);
        var initiatives = await db.CollectiveInitiatives.AsNoTracking()
            .Where(i => i.Status == CollectiveStatus.Active).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var initiative in initiatives)
        {
            var periods = initiative.PeriodsUntil(today)
                .Where(p => today >= p.DueOn.AddDays(-CollectiveInitiative.ReminderDaysBefore) && today <= p.ClosesOn).ToList();
            foreach (var period in periods) sent += await RemindAsync(initiative, period, now, cancellationToken);
        }
        return sent;
    }

    private async Task<int> RemindAsync(CollectiveInitiative initiative, CollectivePeriod period, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var indicators = await db.CollectiveIndicators.AsNoTracking().Where(i => i.InitiativeId == initiative.Id).Select(i => i.IndicatorId).ToListAsync(cancellationToken);
        if (indicators.Count == 0) return 0;
        var partners = (await db.CollectivePartners.AsNoTracking().Where(p => p.InitiativeId == initiative.Id && p.LeftOn == null).ToListAsync(cancellationToken))
            .Where(p => p.CoversPeriod(period)).Select(p => p.OrganizationId).ToList();
        var complete = await db.CollectiveSubmissions.AsNoTracking()
            .Where(s => s.InitiativeId == initiative.Id && s.PeriodStart == period.Start && indicators.Contains(s.IndicatorId))
            .GroupBy(s => s.OrganizationId).Where(g => g.Count() >= indicators.Count).Select(g => g.Key).ToListAsync(cancellationToken);
        var reminded = await db.CollectiveReminders.AsNoTracking()
            .Where(r => r.InitiativeId == initiative.Id && r.PeriodStart == period.Start).Select(r => r.OrganizationId).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var organizationId in partners.Except(complete).Except(reminded))
        {
            var admins = await db.Memberships.AsNoTracking()
                .Where(m => m.OrganizationId == organizationId && m.Role == MembershipRole.Admin).Select(m => m.AccountId).ToListAsync(cancellationToken);
            db.CollectiveReminders.Add(new CollectiveReminder(initiative.Id, organizationId, period.Start, now));
            db.Notifications.AddRange(admins.Select(a => new Notification(a, NotificationKind.CollectiveSubmissionDue, initiative.Title,
                CollectiveText.Label(period) + " / " + period.DueOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                CollectiveUrls.Submissions(initiative.Id), now)));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                sent++;
            }
            catch (DbUpdateException)
            {
                // Another node reminded this partner for this period first: the key refused the second row.
                db.ChangeTracker.Clear();
            }
        }
        return sent;
    }
}
