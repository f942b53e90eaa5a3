using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.Organizations;

namespace Tsunagari.Features.Collaboration.Pilots;

/// <summary>
/// The two sides of an adopted proposal: the government (staff) and the partner (the proposer and the admins of the
/// proposing organization). Only they work on its agreement, pilot and evaluation; anyone else is told it does not exist.
/// </summary>
public sealed record PilotAccess(CollaborationProposal Proposal, CollaborationCall Call, Guid AccountId, bool IsGovernment, bool IsPartner)
{
    /// <summary>
    /// The side the person acts for. Staff act for the government even on a proposal they wrote, so that one person never
    /// signs or evaluates for both sides.
    /// </summary>
    public AgreementParty Side => IsGovernment ? AgreementParty.Government : AgreementParty.Partner;

    /// <summary>
    /// Whether the person may write on the agreement, pilot or evaluation for their side: staff act for the government
    /// only under the Staff policy (with a second factor); the partner side has no such requirement.
    /// </summary>
    public async Task<bool> MayWriteAsync(IAuthorizationService authorization, ClaimsPrincipal user) =>
        !IsGovernment || await CollaborationAccess.ActsAsStaffAsync(authorization, user);

    /// <summary>The sides of an adopted proposal, or null when the proposal is not adopted or the person is on neither side.</summary>
    public static async Task<PilotAccess?> ForProposalAsync(AppDbContext db, ClaimsPrincipal user, Guid proposalId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var proposal = await db.CollaborationProposals.SingleOrDefaultAsync(p => p.Id == proposalId, cancellationToken);
        if (proposal is null || !proposal.IsAdopted) return null;
        var me = CollaborationAccess.AccountId(user);
        var government = CollaborationAccess.IsGovernmentStaff(user);
        var partner = await IsPartnerAsync(db, proposal, me, cancellationToken);
        if (!government && !partner) return null;
        var call = await db.CollaborationCalls.SingleAsync(c => c.Id == proposal.CallId, cancellationToken);
        return new PilotAccess(proposal, call, me, government, partner);
    }

    /// <summary>
    /// Whether the person may open the proposal's agreement (and its pilot): the same rule as <see cref="ForProposalAsync"/>,
    /// for pages that link to them.
    /// </summary>
    public static async Task<bool> MayOpenAsync(AppDbContext db, ClaimsPrincipal user, CollaborationProposal proposal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        return proposal.IsAdopted
            && (CollaborationAccess.IsGovernmentStaff(user) || await IsPartnerAsync(db, proposal, CollaborationAccess.AccountId(user), cancellationToken));
    }

    /// <summary>The partner side: the proposer, or an admin of the proposing organization.</summary>
    private static async Task<bool> IsPartnerAsync(AppDbContext db, CollaborationProposal proposal, Guid me, CancellationToken cancellationToken) =>
        me != Guid.Empty && (proposal.ProposerId == me || (proposal.OrganizationId is { } organization
            && await db.Memberships.AnyAsync(m => m.OrganizationId == organization && m.AccountId == me && m.Role == MembershipRole.Admin, cancellationToken)));
}
