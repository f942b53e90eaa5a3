using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;

namespace Tsunagari.Features.Funds.Grants;

/// <summary>
/// Who may do what with an application: the applying organization's admins write it while it is a draft and its members
/// read it; once submitted, the fund holder's admins and the programme's reviewers read it too. Anyone else is told it
/// does not exist.
/// </summary>
public sealed record ApplicationAccess(GrantApplication Application, GrantProgramme Programme, Fund Fund, Guid AccountId, bool IsApplicantAdmin,
    bool IsApplicantMember, bool IsFundAdmin, bool IsReviewer)
{
    public bool CanWrite => IsApplicantAdmin && Application.IsDraft;

    public bool CanRead => IsApplicantAdmin || IsApplicantMember || (!Application.IsDraft && (IsFundAdmin || IsReviewer));

    public static async Task<ApplicationAccess?> ForAsync(AppDbContext db, ClaimsPrincipal user, Guid applicationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var application = await db.GrantApplications.SingleOrDefaultAsync(a => a.Id == applicationId, cancellationToken);
        if (application is null) return null;
        var programme = await db.GrantProgrammes.AsNoTracking().SingleAsync(p => p.Id == application.ProgrammeId, cancellationToken);
        var fund = await db.Funds.AsNoTracking().SingleAsync(f => f.Id == programme.FundId, cancellationToken);
        var me = GrantsAccess.AccountId(user);
        var roles = await db.Memberships.AsNoTracking()
            .Where(m => m.AccountId == me && (m.OrganizationId == application.OrganizationId || m.OrganizationId == fund.HolderOrganizationId))
            .Select(m => new { m.OrganizationId, m.Role }).ToListAsync(cancellationToken);
        var reviewer = await db.GrantReviewers.AsNoTracking().AnyAsync(r => r.ProgrammeId == programme.Id && r.AccountId == me, cancellationToken);
        var admin = Organizations.MembershipRole.Admin;
        var access = new ApplicationAccess(application, programme, fund, me,
            roles.Any(r => r.OrganizationId == application.OrganizationId && r.Role == admin),
            roles.Any(r => r.OrganizationId == application.OrganizationId),
            roles.Any(r => r.OrganizationId == fund.HolderOrganizationId && r.Role == admin),
            reviewer);
        return me != Guid.Empty && access.CanRead ? access : null;
    }
}
