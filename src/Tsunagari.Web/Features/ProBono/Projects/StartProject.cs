using Tsunagari.Data;
using Tsunagari.Features.Engagement;
using Tsunagari.Platform;

namespace Tsunagari.Features.ProBono.Projects;

/// <summary>
/// A challenge just staffed becomes a project: phases over its period, the usual hand-over checklist, and a notification
/// to the organization's admins and to each member, linking to the project. Added to the caller's context and saved with
/// the acceptance that completed the team.
/// </summary>
public static class StartProject
{
    public static async Task<ProBonoProject> RunAsync(AppDbContext db, Challenge challenge, Guid roundId, IEnumerable<Guid> members, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(challenge);
        var project = new ProBonoProject(challenge, roundId, JapanTime.Date(now), now);
        db.ProBonoProjects.Add(project);
        // Stored in Japanese, the organization's language; shown through the localizer, which knows these texts.
        db.HandOverItems.AddRange(HandOverItem.Usual.Select((text, i) => new HandOverItem(project.Id, text, i)));
        var link = ProjectLinks.Project(project.Id);
        db.Notifications.AddRange(await ProBonoNotices.OrganizationAdminsAsync(db, challenge, NotificationKind.ProBonoChallengeStaffed, "", link, now, cancellationToken));
        db.Notifications.AddRange(members.Select(m => ProBonoNotices.For(m, challenge, NotificationKind.ProBonoChallengeStaffed, "", link, now)));
        return project;
    }
}
