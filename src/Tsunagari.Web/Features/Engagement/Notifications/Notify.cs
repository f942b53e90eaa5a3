using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.Opportunities;
using Tsunagari.Features.Organizations;

namespace Tsunagari.Features.Engagement.Notifications;

/// <summary>Makes the notifications about sign-ups; callers add them to the context that saves the change they report.</summary>
public static class Notify
{
    public static Notification Participant(SignUp signUp, Opportunity opportunity, NotificationKind kind, string detail, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(signUp);
        ArgumentNullException.ThrowIfNull(opportunity);
        return new Notification(signUp.AccountId, kind, Subject(opportunity, signUp.Occurrence), Clip(detail), $"/opportunities/{opportunity.Id}", now);
    }

    /// <summary>One notification for each admin of the opportunity's organization, linking to its sign-up list.</summary>
    public static async Task<IReadOnlyList<Notification>> AdminsAsync(
        AppDbContext db, Opportunity opportunity, DateOnly occurrence, NotificationKind kind, string detail, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(opportunity);
        var admins = await db.Memberships.AsNoTracking()
            .Where(m => m.OrganizationId == opportunity.OrganizationId && m.Role == MembershipRole.Admin)
            .Select(m => m.AccountId).ToListAsync(cancellationToken);
        return admins.Select(a => new Notification(a, kind, Subject(opportunity, occurrence), Clip(detail), $"/opportunities/{opportunity.Id}/signups", now)).ToList();
    }

    /// <summary>The opportunity's title as it is now, with the occurrence's date for a recurring one.</summary>
    public static string Subject(Opportunity opportunity, DateOnly occurrence)
    {
        ArgumentNullException.ThrowIfNull(opportunity);
        var subject = occurrence == SignUp.WholeOpportunity
            ? opportunity.Title
            : $"{opportunity.Title} ({occurrence.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)})";
        return subject.Length > Notification.MaxSubjectLength ? subject[..Notification.MaxSubjectLength] : subject;
    }

    public static string Clip(string? text)
    {
        var t = text?.Trim() ?? "";
        return t.Length > Notification.MaxDetailLength ? t[..Notification.MaxDetailLength] : t;
    }
}
