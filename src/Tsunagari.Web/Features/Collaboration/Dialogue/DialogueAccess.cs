using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.Opportunities;

namespace Tsunagari.Features.Collaboration.Dialogue;

/// <summary>
/// Who may run a dialogue meeting. Its organizers are those who organise its opportunity: the organization's admins (who
/// manage the opportunity) and the opportunity's co-organizers. Government staff also manage every meeting, since places
/// for dialogue are the government's measure (under the Staff policy, with a second factor); they are not organizers, so
/// their reading of the roster is audited.
/// </summary>
public sealed record DialogueAccess(bool IsOrganizer, bool IsGovernmentStaff)
{
    public bool CanManage => IsOrganizer || IsGovernmentStaff;

    /// <summary>Staff reading names through their role, not as organizers: written to the audit trail.</summary>
    public bool IsStaffView => IsGovernmentStaff && !IsOrganizer;

    public static async Task<DialogueAccess> ForAsync(AppDbContext db, IAuthorizationService authorization, ClaimsPrincipal user, Opportunity opportunity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(opportunity);
        return new(await IsOrganizerAsync(db, authorization, user, opportunity, cancellationToken), await CollaborationAccess.ActsAsStaffAsync(authorization, user));
    }

    /// <summary>True for the admins of the opportunity's organization and its co-organizers.</summary>
    public static async Task<bool> IsOrganizerAsync(AppDbContext db, IAuthorizationService authorization, ClaimsPrincipal user, Opportunity opportunity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(opportunity);
        if (user.Identity?.IsAuthenticated != true) return false;
        var organization = await OpportunityAccess.OrganizationAsync(db, opportunity.OrganizationId, cancellationToken);
        if (await OpportunityAccess.CanManageAsync(authorization, user, organization)) return true;
        var me = CollaborationAccess.AccountId(user);
        return await db.CoOrganizers.AsNoTracking().AnyAsync(c => c.OpportunityId == opportunity.Id && c.AccountId == me, cancellationToken);
    }
}
