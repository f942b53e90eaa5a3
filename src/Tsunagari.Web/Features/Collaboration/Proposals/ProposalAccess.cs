using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.Opportunities;

namespace Tsunagari.Features.Collaboration.Proposals;

/// <summary>
/// Who may do what with a proposal: the proposer and the admins of the proposing organization write it while it is a
/// draft; staff and the call's reviewers read it. Anyone else is told it does not exist.
/// </summary>
public sealed record ProposalAccess(CollaborationProposal Proposal, CollaborationCall Call, Guid AccountId, bool IsProposer, bool IsOrganizationAdmin,
    bool IsReviewer, bool IsGovernmentStaff)
{
    public bool CanWrite => IsProposer || IsOrganizationAdmin;

    public bool CanRead => CanWrite || IsReviewer || IsGovernmentStaff;

    /// <summary>Staff reading a proposal that is not theirs, which names its proposer: written to the audit trail.</summary>
    public bool IsStaffView => IsGovernmentStaff && !CanWrite;

    /// <summary>The access, or null when the proposal does not exist or the person may not read it.</summary>
    public static async Task<ProposalAccess?> ForAsync(AppDbContext db, IAuthorizationService authorization, ClaimsPrincipal user, Guid proposalId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var proposal = await db.CollaborationProposals.SingleOrDefaultAsync(p => p.Id == proposalId, cancellationToken);
        if (proposal is null) return null;
        var call = await db.CollaborationCalls.SingleAsync(c => c.Id == proposal.CallId, cancellationToken);
        var me = CollaborationAccess.AccountId(user);
        var admin = proposal.OrganizationId is { } organizationId
            && await OpportunityAccess.CanManageAsync(authorization, user, await OpportunityAccess.OrganizationAsync(db, organizationId, cancellationToken));
        var reviewer = await db.CallReviewers.AsNoTracking().AnyAsync(r => r.CallId == call.Id && r.AccountId == me, cancellationToken);
        var access = new ProposalAccess(proposal, call, me, me != Guid.Empty && proposal.ProposerId == me, admin, reviewer, CollaborationAccess.IsGovernmentStaff(user));
        return access.CanRead ? access : null;
    }

    /// <summary>
    /// Whether the person is on the proposing side (the proposer, or an admin or member of the proposing organization or a
    /// co-proposer): they may not review it, whatever they declare.
    /// </summary>
    public static async Task<bool> IsOnProposingSideAsync(AppDbContext db, CollaborationProposal proposal, Guid accountId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(proposal);
        if (proposal.ProposerId == accountId) return true;
        var organizations = proposal.ProposingOrganizations.ToList();
        return organizations.Count > 0
            && await db.Memberships.AsNoTracking().AnyAsync(m => m.AccountId == accountId && organizations.Contains(m.OrganizationId), cancellationToken);
    }
}
