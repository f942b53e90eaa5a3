using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Organizations;

namespace Tsunagari.Features.Funds.Donations;

/// <summary>
/// Who may do what with donations. An organization's donations (with its donors' names and addresses) are for its admins
/// only: its members may know they exist but are refused, everyone else (staff included: nobody asked them to hold donors'
/// data) gets 404. A donor's own donations, plans and receipts are theirs alone.
/// </summary>
public static class DonationsAccess
{
    public static Guid AccountId(ClaimsPrincipal user) =>
        Guid.TryParse(user?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty;

    /// <summary>The organization when the person is one of its admins; otherwise the refusal to give (404, or 403 for a member).</summary>
    public static async Task<(Organization? Organization, bool Forbidden)> AdminOfAsync(AppDbContext db, ClaimsPrincipal user, Guid organizationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var organization = await db.Organizations.AsNoTracking().Include(o => o.Memberships).SingleOrDefaultAsync(o => o.Id == organizationId, cancellationToken);
        var accountId = AccountId(user);
        if (organization is null || accountId == Guid.Empty) return (null, false);
        if (organization.IsAdmin(accountId)) return (organization, false);
        return (null, organization.IsMember(accountId));
    }

    /// <summary>The organizations the person administers, by name: those they may make campaigns for.</summary>
    public static async Task<List<(Guid Id, string Name)>> AdministeredAsync(AppDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var accountId = AccountId(user);
        var organizations = await db.Memberships.AsNoTracking().Where(m => m.AccountId == accountId && m.Role == MembershipRole.Admin)
            .Join(db.Organizations, m => m.OrganizationId, o => o.Id, (m, o) => new { o.Id, o.Name })
            .OrderBy(o => o.Name).ToListAsync(cancellationToken);
        return organizations.Select(o => (o.Id, o.Name)).ToList();
    }

    public static bool IsStaff(ClaimsPrincipal user) => user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.PrefectureAdmin);
}
