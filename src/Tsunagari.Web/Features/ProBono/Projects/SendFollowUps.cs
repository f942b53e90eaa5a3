using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.Engagement;
using Tsunagari.Features.Organizations;
using Tsunagari.Platform;

namespace Tsunagari.Features.ProBono.Projects;

/// <summary>
/// Asks each completed project's organization, three months after completion, whether the deliverable is in use: a
/// notification to its admins linking to the follow-up form. Each project is claimed in its own transaction (its
/// FollowUpSentAt set where still empty), so two nodes never ask twice.
/// </summary>
public sealed class SendFollowUps(AppDbContext db, TimeProvider clock)
{
    public const int Batch = 100;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = JapanTime.Date(now);
        var due = await db.ProBonoProjects.AsNoTracking()
            .Where(p => p.FollowUpSentAt == null && p.FollowUpDueOn != null && p.FollowUpDueOn <= today)
            .OrderBy(p => p.FollowUpDueOn).Take(Batch)
            .Select(p => new { p.Id, p.OrganizationId, p.Title }).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var project in due)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var claimed = await db.ProBonoProjects.Where(p => p.Id == project.Id && p.FollowUpSentAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.FollowUpSentAt, now), cancellationToken);
            if (claimed == 0) continue;
            var admins = await db.Memberships.AsNoTracking()
                .Where(m => m.OrganizationId == project.OrganizationId && m.Role == MembershipRole.Admin)
                .Select(m => m.AccountId).ToListAsync(cancellationToken);
            db.Notifications.AddRange(admins.Select(a =>
                ProBonoNotices.For(a, project.Title, NotificationKind.ProBonoFollowUp, "", ProjectLinks.Evaluation(project.Id), now)));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            sent++;
        }
        return sent;
    }
}
