using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.ImpactEvaluation;

namespace Tsunagari.Features.Funds.Ledgers;

/// <summary>
/// Who reads an account's full ledger: the members of the organization (for a fund, of its holder) and the coordinators
/// and prefecture admins, whose reading is audited because entries can name donors who consented to it. Anyone else
/// gets 404; the public sees totals on the community-support page instead.
/// </summary>
public static class LedgerAccess
{
    public sealed record Reader(string AccountName, bool IsStaffOnly);

    public static async Task<Reader?> OrganizationAsync(AppDbContext db, ClaimsPrincipal user, Guid organizationId, CancellationToken cancellationToken)
    {
        var organization = await db.Organizations.AsNoTracking().Include(o => o.Memberships).SingleOrDefaultAsync(o => o.Id == organizationId, cancellationToken);
        return organization is null ? null : ReaderOf(user, organization, organization.Name);
    }

    public static async Task<Reader?> FundAsync(AppDbContext db, ClaimsPrincipal user, Guid fundId, CancellationToken cancellationToken)
    {
        var fund = await db.Funds.AsNoTracking().SingleOrDefaultAsync(f => f.Id == fundId, cancellationToken);
        if (fund is null) return null;
        var holder = await db.Organizations.AsNoTracking().Include(o => o.Memberships).SingleAsync(o => o.Id == fund.HolderOrganizationId, cancellationToken);
        return ReaderOf(user, holder, fund.Name);
    }

    private static Reader? ReaderOf(ClaimsPrincipal user, Organizations.Organization organization, string accountName)
    {
        var accountId = ImpactAccess.AccountId(user);
        if (accountId != Guid.Empty && organization.IsMember(accountId)) return new Reader(accountName, IsStaffOnly: false);
        return ImpactAccess.IsStaff(user) ? new Reader(accountName, IsStaffOnly: true) : null;
    }
}
