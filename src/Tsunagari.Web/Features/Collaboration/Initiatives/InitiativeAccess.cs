using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.Organizations;

namespace Tsunagari.Features.Collaboration.Initiatives;

/// <summary>
/// Who keeps the registry: government staff register and edit any initiative (under the Staff policy, with a second
/// factor); an organization's admins register and edit their own organization's. Departments' and groups' initiatives are
/// registered by staff on their behalf.
/// </summary>
public static class InitiativeAccess
{
    public sealed record Choice(Guid Id, string Name);

    /// <summary>The organizations the person administers, by name.</summary>
    public static async Task<IReadOnlyList<Choice>> AdministeredAsync(AppDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var me = CollaborationAccess.AccountId(user);
        if (me == Guid.Empty) return [];
        var choices = await db.Memberships.AsNoTracking()
            .Where(m => m.AccountId == me && m.Role == MembershipRole.Admin)
            .Join(db.Organizations, m => m.OrganizationId, o => o.Id, (m, o) => new Choice(o.Id, o.Name))
            .ToListAsync(cancellationToken);
        return [.. choices.OrderBy(c => c.Name, StringComparer.Ordinal)];
    }

    /// <summary>Staff under the Staff policy (with a second factor) edit any initiative; an organization's admins their own.</summary>
    public static async Task<bool> CanEditAsync(AppDbContext db, IAuthorizationService authorization, ClaimsPrincipal user, Initiative initiative, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(initiative);
        if (user?.Identity?.IsAuthenticated != true) return false;
        if (await CollaborationAccess.ActsAsStaffAsync(authorization, user)) return true;
        if (initiative.OwnerKind != InitiativeOwnerKind.Organization || initiative.OrganizationId is not { } organizationId) return false;
        var me = CollaborationAccess.AccountId(user);
        return await db.Memberships.AsNoTracking()
            .AnyAsync(m => m.OrganizationId == organizationId && m.AccountId == me && m.Role == MembershipRole.Admin, cancellationToken);
    }
}
