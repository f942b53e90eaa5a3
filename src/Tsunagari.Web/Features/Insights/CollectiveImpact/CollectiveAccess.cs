using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Organizations;

namespace Tsunagari.Features.Insights.CollectiveImpact;

/// <summary>
/// Who may do what with a collective impact initiative. Everyone reads its overview. The backbone organization's admins
/// manage it (details, partners, shared indicators, the log) and may record activities for any partner; a partner's admins
/// submit values and record activities for their own organization only; members of the backbone and of current partners,
/// and the staff (coordinators, the prefecture's admins), read the dashboard, the submission status and the log.
/// </summary>
public sealed class CollectiveAccess
{
    public sealed record PartnerOrganization(CollectivePartner Partner, Organization Organization)
    {
        public bool IsCurrent => Partner.LeftOn is null;
    }

    public required CollectiveInitiative Initiative { get; init; }
    public required Organization Backbone { get; init; }

    /// <summary>Current and former partners, by name.</summary>
    public required IReadOnlyList<PartnerOrganization> Partners { get; init; }

    public Guid AccountId { get; init; }
    public bool IsStaff { get; init; }
    public bool IsBackboneAdmin { get; init; }

    /// <summary>The current partners whose admin the person is: they submit for these.</summary>
    public IReadOnlySet<Guid> PartnerAdminOf { get; init; } = new HashSet<Guid>();

    /// <summary>A member of the backbone or of a current partner.</summary>
    public bool IsInside { get; init; }

    public IEnumerable<PartnerOrganization> Current => Partners.Where(p => p.IsCurrent);

    /// <summary>Reads the dashboard, the submission status and the log.</summary>
    public bool CanRead => IsInside || IsStaff;

    /// <summary>Submits values or records activities for some organization (its own, or any partner for the backbone).</summary>
    public bool CanSubmit => IsBackboneAdmin || PartnerAdminOf.Count > 0;

    /// <summary>Whether the person may enter values and activities for this organization.</summary>
    public bool MaySubmitFor(Guid organizationId) => PartnerAdminOf.Contains(organizationId);

    public bool MayRecordActivityFor(Guid organizationId) =>
        PartnerAdminOf.Contains(organizationId) || (IsBackboneAdmin && Current.Any(p => p.Organization.Id == organizationId));

    /// <summary>The distinct sectors (organization kinds) of the current partners; two or more make it cross-sector.</summary>
    public IReadOnlyList<OrganizationKind> Sectors => Current.Select(p => p.Organization.Kind).Distinct().Order().ToList();

    public bool IsCrossSector => Sectors.Count >= 2;

    /// <summary>The initiative with the person's rights; null when there is none.</summary>
    public static async Task<CollectiveAccess?> LoadAsync(AppDbContext db, ClaimsPrincipal user, Guid id, CancellationToken cancellationToken, bool tracking = false)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        var initiatives = tracking ? db.CollectiveInitiatives : db.CollectiveInitiatives.AsNoTracking();
        var initiative = await initiatives.SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (initiative is null) return null;
        var partners = await (tracking ? db.CollectivePartners : db.CollectivePartners.AsNoTracking())
            .Where(p => p.InitiativeId == id).ToListAsync(cancellationToken);
        var organizationIds = partners.Select(p => p.OrganizationId).Append(initiative.BackboneOrganizationId).ToList();
        var organizations = await db.Organizations.AsNoTracking().Include(o => o.Memberships)
            .Where(o => organizationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, cancellationToken);
        var backbone = organizations[initiative.BackboneOrganizationId];
        var accountId = AccountIdOf(user);
        var current = partners.Where(p => p.LeftOn is null).Select(p => organizations[p.OrganizationId]).ToList();
        var signedIn = accountId != Guid.Empty;
        return new CollectiveAccess
        {
            Initiative = initiative,
            Backbone = backbone,
            Partners = partners.Select(p => new PartnerOrganization(p, organizations[p.OrganizationId]))
                .OrderBy(p => p.Organization.Name, StringComparer.Ordinal).ToList(),
            AccountId = accountId,
            IsStaff = IsStaffUser(user),
            IsBackboneAdmin = signedIn && backbone.IsAdmin(accountId),
            PartnerAdminOf = signedIn ? current.Where(o => o.IsAdmin(accountId)).Select(o => o.Id).ToHashSet() : [],
            IsInside = signedIn && (backbone.IsMember(accountId) || current.Any(o => o.IsMember(accountId))),
        };
    }

    public static bool IsStaffUser(ClaimsPrincipal user) => user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.PrefectureAdmin);

    public static Guid AccountIdOf(ClaimsPrincipal user) =>
        Guid.TryParse(user?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty;
}
