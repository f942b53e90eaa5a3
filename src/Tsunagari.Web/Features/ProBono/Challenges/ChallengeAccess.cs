using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Opportunities;
using Tsunagari.Features.Organizations;

namespace Tsunagari.Features.ProBono.Challenges;

/// <summary>
/// Who may do what with challenges: the organization's admins write and follow their own; coordinators (and the
/// prefecture's admins) review and match all of them.
/// </summary>
public static class ChallengeAccess
{
    public static bool IsCoordinator(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.PrefectureAdmin);
    }

    /// <summary>The organization (with memberships) when the person is one of its admins; null otherwise.</summary>
    public static async Task<Organization?> ManagedOrganizationAsync(AppDbContext db, IAuthorizationService authorization, ClaimsPrincipal user, Guid organizationId, CancellationToken cancellationToken)
    {
        var organization = await OpportunityAccess.OrganizationAsync(db, organizationId, cancellationToken);
        return await OpportunityAccess.CanManageAsync(authorization, user, organization) ? organization : null;
    }

    public static Guid AccountId(ClaimsPrincipal user) =>
        Guid.TryParse(user?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty;
}
