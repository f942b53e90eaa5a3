using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.Organizations;

namespace Tsunagari.Features.Opportunities;

/// <summary>Loads an organization with its memberships and asks whether the person may manage its opportunities.</summary>
public static class OpportunityAccess
{
    public static Task<Organization?> OrganizationAsync(AppDbContext db, Guid id, CancellationToken cancellationToken) =>
        db.Organizations.AsNoTracking().Include(o => o.Memberships).SingleOrDefaultAsync(o => o.Id == id, cancellationToken);

    public static async Task<bool> CanManageAsync(IAuthorizationService authorization, ClaimsPrincipal user, Organization? organization) =>
        organization is not null && user.Identity?.IsAuthenticated == true
        && (await authorization.AuthorizeAsync(user, organization, OrganizationOperations.ManageOpportunities)).Succeeded;
}
