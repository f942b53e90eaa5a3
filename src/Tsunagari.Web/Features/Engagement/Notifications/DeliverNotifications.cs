using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Tsunagari.Data;
using Tsunagari.Features.Engagement.SignUps;
using Tsunagari.Features.Opportunities;
using Tsunagari.Platform;
using Tsunagari.Platform.Localization;
using Tsunagari.Platform.Mail;
using Tsunagari.Resources;

namespace Tsunagari.Features.Engagement.Notifications;

/// <summary>
/// Adds the day-before reminders for confirmed sign-ups, then mails unmailed notifications: at once, or for people
/// who chose the daily digest, everything from before the day's digest time in one mail. Each mail is in the
/// reader's language. Rows are claimed (MailedAt set where still null) before sending, so two nodes do not both mail.
/// </summary>
public sealed class DeliverNotifications(
    AppDbContext db, Mailer mailer, TimeProvider clock, IOptions<NotificationOptions> options, IStringLocalizer<SharedResource> l)
{
    public const int Batch = 500;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await RemindAsync(cancellationToken);
        await MailAsync(cancellationToken);
    }

    public async Task RemindAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var tomorrow = Seats.JapanDate(now).AddDays(1);
        var dayStart = new DateTimeOffset(tomorrow.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(9)).ToUniversalTime();
        var dayEnd = dayStart.AddDays(1);
        var whole = SignUp.WholeOpportunity;
        // Two indexed paths, each small at prefecture scale: tomorrow's occurrences by date, and the sign-ups for a whole
        // one-off opportunity that starts tomorrow by its start.
        var occurrences =
            from s in db.SignUps
            where s.Occurrence == tomorrow && s.Status == SignUpStatus.Confirmed && s.ReminderSentAt == null
            join o in db.Opportunities on s.OpportunityId equals o.Id
            where o.Status == OpportunityStatus.Published
            select new { SignUp = s, Opportunity = o };
        var due = await occurrences.Take(Batch).ToListAsync(cancellationToken);
        if (due.Count < Batch)
        {
            // The opportunities first: most sign-ups are for a whole opportunity, so SQLite must not start from that date.
            var starting = await db.Opportunities.AsNoTracking()
                .Where(o => o.Status == OpportunityStatus.Published && o.StartsAt >= dayStart && o.StartsAt < dayEnd)
                .Select(o => o.Id).ToListAsync(cancellationToken);
            due.AddRange(await (
                from s in db.SignUps
                where starting.Contains(s.OpportunityId) && s.Occurrence == whole && s.Status == SignUpStatus.Confirmed && s.ReminderSentAt == null
                join o in db.Opportunities on s.OpportunityId equals o.Id
                select new { SignUp = s, Opportunity = o }).Take(Batch - due.Count).ToListAsync(cancellationToken));
        }
        if (due.Count == 0) return;
        foreach (var d in due)
        {
            d.SignUp.ReminderSentAt = now;
            db.Notifications.Add(Notify.Participant(d.SignUp, d.Opportunity, NotificationKind.Reminder, "", now));
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task MailAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var digestCutoff = DigestCutoff(now, options.Value.DigestAt);
        var pending = await (
            from n in db.Notifications.AsNoTracking()
            where n.MailedAt == null
            join a in db.Users on n.AccountId equals a.Id
            orderby n.CreatedAt
            select new Pending(n.Id, n.Kind, n.Subject, n.Detail, n.Link, n.CreatedAt, a.Id, a.Email, a.EmailConfirmed, a.DisplayName, a.Culture, a.PrefersDailyDigest))
            .Take(Batch).ToListAsync(cancellationToken);
        foreach (var person in pending.GroupBy(p => p.AccountId))
        {
            var first = person.First();
            if (first.Email is null || !first.EmailConfirmed)
            {
                // Nowhere to send it: it stays on the site only.
                await ClaimAsync(person.Select(p => p.Id).ToList(), now, cancellationToken);
                continue;
            }
            if (first.PrefersDailyDigest)
            {
                var ready = person.Where(p => p.CreatedAt < digestCutoff).ToList();
                if (ready.Count == 0 || !await ClaimAsync(ready.Select(p => p.Id).ToList(), now, cancellationToken)) continue;
                await SendAsync(first, ready, cancellationToken);
            }
            else
            {
                foreach (var one in person)
                    if (await ClaimAsync([one.Id], now, cancellationToken)) await SendAsync(first, [one], cancellationToken);
            }
        }
    }

    /// <summary>The latest digest time (Japan) that has passed: notifications older than it go in today's digest.</summary>
    public static DateTimeOffset DigestCutoff(DateTimeOffset now, TimeOnly at)
    {
        var today = Seats.JapanDate(now);
        var cutoff = new DateTimeOffset(today.ToDateTime(at), TimeSpan.FromHours(9)).ToUniversalTime();
        return cutoff <= now ? cutoff : cutoff.AddDays(-1);
    }

    private async Task<bool> ClaimAsync(List<Guid> ids, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.Notifications.Where(n => ids.Contains(n.Id) && n.MailedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.MailedAt, now), cancellationToken) > 0;

    private async Task SendAsync(Pending to, IReadOnlyList<Pending> items, CancellationToken cancellationToken)
    {
        var culture = Cultures.IsSupported(to.Culture) ? CultureInfo.GetCultureInfo(to.Culture) : CultureInfo.GetCultureInfo(Cultures.Japanese);
        var (uiCulture, formatCulture) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        string subject, body;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = culture;
            var text = new StringBuilder();
            text.Append(l["{0} 様", to.DisplayName].Value).Append("\n\n");
            foreach (var item in items)
            {
                text.Append(NotificationText.Sentence(item.Kind, item.Subject, l)).Append('\n');
                if (item.Detail.Length > 0)
                    text.Append(NotificationText.DetailLabel(item.Kind) is { } label ? l[label].Value : "").Append(item.Detail).Append('\n');
                text.Append(Url(item.Link)).Append("\n\n");
            }
            text.Append(l["お知らせの一覧と、受け取り方（すぐに／1日1回まとめて）の設定：{0}", Url("/me/notifications")].Value).Append('\n');
            subject = items.Count == 1
                ? l["【つながり】{0}", NotificationText.Sentence(items[0].Kind, items[0].Subject, l)]
                : l["【つながり】お知らせのまとめ（{0}件）", items.Count];
            body = text.ToString();
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (uiCulture, formatCulture);
        }
        try
        {
            await mailer.SendAsync(to.Email!, subject, body, cancellationToken);
        }
        catch
        {
            // Not sent: release the rows so the next poll tries again.
            var ids = items.Select(i => i.Id).ToList();
            await db.Notifications.Where(n => ids.Contains(n.Id)).ExecuteUpdateAsync(s => s.SetProperty(n => n.MailedAt, (DateTimeOffset?)null), CancellationToken.None);
            throw;
        }
    }

    private string Url(string path) => options.Value.SiteUrl.Length == 0 ? path : options.Value.SiteUrl.TrimEnd('/') + path;

    private sealed record Pending(
        Guid Id, NotificationKind Kind, string Subject, string Detail, string Link, DateTimeOffset CreatedAt,
        Guid AccountId, string? Email, bool EmailConfirmed, string DisplayName, string Culture, bool PrefersDailyDigest);
}
