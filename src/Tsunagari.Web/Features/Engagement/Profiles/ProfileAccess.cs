using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Organizations;

namespace Tsunagari.Features.Engagement.Profiles;

/// <summary>
/// Who may see a person's profile, as its visibility says: public → everyone; organizations → the person, the admins of
/// organizations the person is a member of or has a live sign-up with (not cancelled or declined), and staff (audited);
/// private → the person only. Staff see no private profile: the person chose that nobody else does.
/// </summary>
public sealed class ProfileAccess(AppDbContext db, IAuthorizationService authorization)
{
    public enum Reason { None, Self, Public, OrganizationAdmin, Staff }

    public async Task<Reason> WhyMaySeeAsync(ClaimsPrincipal viewer, Guid subject, ProfileVisibility visibility, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        Guid? viewerId = Guid.TryParse(viewer.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
        if (viewerId == subject) return Reason.Self;
        if (visibility == ProfileVisibility.Public) return Reason.Public;
        if (visibility != ProfileVisibility.Organizations || viewerId is not { } me) return Reason.None;
        if (await AdminsAnOrganizationOfAsync(me, subject, cancellationToken)) return Reason.OrganizationAdmin;
        if ((await authorization.AuthorizeAsync(viewer, Policies.Staff)).Succeeded) return Reason.Staff;
        return Reason.None;
    }

    /// <summary>One query: an organization the viewer administers where the subject is a member or has signed up.</summary>
    private Task<bool> AdminsAnOrganizationOfAsync(Guid viewer, Guid subject, CancellationToken cancellationToken) =>
        db.Memberships.AsNoTracking()
            .Where(m => m.AccountId == viewer && m.Role == MembershipRole.Admin)
            .AnyAsync(m =>
                db.Memberships.Any(x => x.OrganizationId == m.OrganizationId && x.AccountId == subject)
                || db.SignUps.Any(s => s.OrganizationId == m.OrganizationId && s.AccountId == subject
                    && s.Status != SignUpStatus.Cancelled && s.Status != SignUpStatus.Declined),
                cancellationToken);
}
