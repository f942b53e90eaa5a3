using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.Engagement;
using Tsunagari.Features.Engagement.Notifications;
using Tsunagari.Features.Organizations;

namespace Tsunagari.Features.Collaboration.Proposals;

/// <summary>Makes the notifications of a proposal's decision; callers add them to the context that saves the decision.</summary>
public static class ProposalNotices
{
    /// <summary>One notification for the proposer and each admin of the proposing organization, with the reasons as detail.</summary>
    public static async Task<IReadOnlyList<Notification>> DecisionAsync(AppDbContext db, CollaborationProposal proposal, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(proposal);
        var kind = proposal.Status switch
        {
            ProposalStatus.Adopted => NotificationKind.CollaborationProposalAdopted,
            ProposalStatus.AdoptedWithConditions => NotificationKind.CollaborationProposalAdoptedWithConditions,
            ProposalStatus.NotAdopted => NotificationKind.CollaborationProposalNotAdopted,
            _ => throw new InvalidOperationException("Only a decided proposal is notified."),
        };
        var admins = proposal.OrganizationId is { } organizationId
            ? await db.Memberships.AsNoTracking().Where(m => m.OrganizationId == organizationId && m.Role == MembershipRole.Admin).Select(m => m.AccountId).ToListAsync(cancellationToken)
            : [];
        var people = (proposal.ProposerId is { } proposer ? admins.Prepend(proposer) : admins).Distinct();
        var subject = proposal.Title.Length > Notification.MaxSubjectLength ? proposal.Title[..Notification.MaxSubjectLength] : proposal.Title;
        return people.Select(a => new Notification(a, kind, subject, Notify.Clip(proposal.DecisionReason), $"/collaboration/proposals/{proposal.Id}", now)).ToList();
    }
}
