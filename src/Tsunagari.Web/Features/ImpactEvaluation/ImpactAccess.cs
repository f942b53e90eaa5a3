using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Organizations;

namespace Tsunagari.Features.ImpactEvaluation;

/// <summary>
/// Who may see and change an evaluation: the owning organization's members see it, its admins change it; coordinators
/// and the prefecture's admins see every one (to support and to fund), and change none. Anyone else gets 404, so that a
/// model's existence is not told. A shared report is read through its token instead (<see cref="LogicModel.ShareToken"/>).
/// </summary>
public static class ImpactAccess
{
    /// <summary>A logic model (with its elements and links) the person may see, and whether they may change it.</summary>
    public sealed record Access(LogicModel Model, Organization Organization, bool CanEdit);

    /// <summary>The model and the person's rights, or null when it does not exist or they may not see it.</summary>
    public static async Task<Access?> LoadAsync(AppDbContext db, ClaimsPrincipal user, Guid modelId, CancellationToken cancellationToken, bool tracking = false)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        var models = db.LogicModels.Include(m => m.Elements).Include(m => m.Links).AsSplitQuery();
        var model = await (tracking ? models : models.AsNoTracking()).SingleOrDefaultAsync(m => m.Id == modelId, cancellationToken);
        if (model is null) return null;
        var organization = await db.Organizations.AsNoTracking().Include(o => o.Memberships).SingleAsync(o => o.Id == model.OrganizationId, cancellationToken);
        return Rights(user, organization) is { } canEdit ? new Access(model, organization, canEdit) : null;
    }

    /// <summary>Null when the person may not see the organization's evaluations; otherwise whether they may change them.</summary>
    public static bool? Rights(ClaimsPrincipal user, Organization organization)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(organization);
        var accountId = AccountId(user);
        if (accountId != Guid.Empty && organization.IsAdmin(accountId)) return true;
        if (accountId != Guid.Empty && organization.IsMember(accountId)) return false;
        return IsStaff(user) ? false : null;
    }

    public static bool IsStaff(ClaimsPrincipal user) => user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.PrefectureAdmin);

    public static Guid AccountId(ClaimsPrincipal user) =>
        Guid.TryParse(user?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty;
}
