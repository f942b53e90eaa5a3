using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.Engagement;
using Tsunagari.Features.Engagement.Notifications;
using Tsunagari.Features.Organizations;
using Tsunagari.Features.ProBono.ExpertSessions;

namespace Tsunagari.Features.ProBono;

/// <summary>Makes the pro bono notifications; callers add them to the context that saves the change they report.</summary>
public static class ProBonoNotices
{
    /// <summary>One notification for each admin of the challenge's organization, linking to <paramref name="link"/>.</summary>
    public static async Task<IReadOnlyList<Notification>> OrganizationAdminsAsync(
        AppDbContext db, Challenge challenge, NotificationKind kind, string detail, string link, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(challenge);
        var admins = await db.Memberships.AsNoTracking()
            .Where(m => m.OrganizationId == challenge.OrganizationId && m.Role == MembershipRole.Admin)
            .Select(m => m.AccountId).ToListAsync(cancellationToken);
        return admins.Select(a => For(a, challenge, kind, detail, link, now)).ToList();
    }

    public static Notification For(Guid accountId, Challenge challenge, NotificationKind kind, string detail, string link, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        return For(accountId, challenge.Title, kind, detail, link, now);
    }

    /// <summary>A notification about a challenge or project of that title.</summary>
    public static Notification For(Guid accountId, string title, NotificationKind kind, string detail, string link, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(title);
        var subject = title.Length > Notification.MaxSubjectLength ? title[..Notification.MaxSubjectLength] : title;
        return new Notification(accountId, kind, subject, Notify.Clip(detail), link, now);
    }

    /// <summary>One notification for each admin of the session's organization, linking to the session.</summary>
    public static async Task<IReadOnlyList<Notification>> OrganizationAdminsAsync(
        AppDbContext db, ExpertSession session, NotificationKind kind, string detail, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(session);
        var admins = await db.Memberships.AsNoTracking()
            .Where(m => m.OrganizationId == session.OrganizationId && m.Role == MembershipRole.Admin)
            .Select(m => m.AccountId).ToListAsync(cancellationToken);
        return admins.Select(a => For(a, session, kind, detail, now)).ToList();
    }

    /// <summary>A notification about an expert session, linking to its page; the subject is the topic's first line.</summary>
    public static Notification For(Guid accountId, ExpertSession session, NotificationKind kind, string detail, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(session);
        return new Notification(accountId, kind, ExpertSessionText.Subject(session.Topic), Notify.Clip(detail), $"/probono/expert-sessions/{session.Id}", now);
    }
}
