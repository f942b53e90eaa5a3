using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Organizations;

namespace Tsunagari.Features.Funds.Sib;

/// <summary>
/// Who may do what with a social impact bond. The members of its parties (payer, provider, intermediary, evaluator) and
/// of its investor organizations see it, and coordinators and the prefecture's admins see every one; anyone else gets 404.
/// The payer's or the intermediary's admins write and conclude the terms; only the evaluator's members enter results; the
/// payer's admins approve payments; the intermediary's admins distribute them to the investors.
/// </summary>
public sealed record SibAccess(SibContract Contract, IReadOnlyDictionary<Guid, string> Names, bool IsStaff,
    bool CanEdit, bool CanEnterResults, bool CanApprove, bool CanDistribute)
{
    public string Name(Guid organizationId) => Names.GetValueOrDefault(organizationId, "");

    /// <summary>The contract and the person's rights, or null when it does not exist or they may not see it.</summary>
    public static async Task<SibAccess?> LoadAsync(AppDbContext db, ClaimsPrincipal user, Guid id, CancellationToken cancellationToken, bool tracking = false)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        var contracts = tracking ? db.SibContracts : db.SibContracts.AsNoTracking();
        var contract = await contracts.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (contract is null) return null;
        var organizations = Parties(contract).Concat(contract.Investors.Where(i => i.OrganizationId is not null).Select(i => i.OrganizationId!.Value)).Distinct().ToList();
        var names = await db.Organizations.AsNoTracking().Where(o => organizations.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var me = AccountId(user);
        var roles = await db.Memberships.AsNoTracking().Where(m => m.AccountId == me && organizations.Contains(m.OrganizationId))
            .ToDictionaryAsync(m => m.OrganizationId, m => m.Role, cancellationToken);
        var staff = IsStaffUser(user);
        if (roles.Count == 0 && !staff) return null;
        bool Admin(Guid organization) => roles.GetValueOrDefault(organization) == MembershipRole.Admin;
        return new SibAccess(contract, names, staff,
            CanEdit: Admin(contract.PayerOrganizationId) || Admin(contract.IntermediaryOrganizationId),
            CanEnterResults: roles.ContainsKey(contract.EvaluatorOrganizationId),
            CanApprove: Admin(contract.PayerOrganizationId),
            CanDistribute: Admin(contract.IntermediaryOrganizationId));
    }

    public static IEnumerable<Guid> Parties(SibContract contract)
    {
        ArgumentNullException.ThrowIfNull(contract);
        return [contract.PayerOrganizationId, contract.ProviderOrganizationId, contract.IntermediaryOrganizationId, contract.EvaluatorOrganizationId];
    }

    /// <summary>The organizations the person administers (who may start a contract as its payer or intermediary).</summary>
    public static async Task<IReadOnlyList<(Guid Id, string Name)>> AdministeredAsync(AppDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var me = AccountId(user);
        var list = await db.Memberships.AsNoTracking().Where(m => m.AccountId == me && m.Role == MembershipRole.Admin)
            .Join(db.Organizations, m => m.OrganizationId, o => o.Id, (m, o) => new { o.Id, o.Name })
            .OrderBy(o => o.Name).ToListAsync(cancellationToken);
        return [.. list.Select(o => (o.Id, o.Name))];
    }

    public static bool IsStaffUser(ClaimsPrincipal user) => user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.PrefectureAdmin);

    public static Guid AccountId(ClaimsPrincipal user) =>
        Guid.TryParse(user?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty;
}
