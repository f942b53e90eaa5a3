using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.ProBono.Challenges;

namespace Tsunagari.Features.ProBono.Projects;

/// <summary>
/// Who is on a project: the organization's admins and the team (members who accepted) work on it; coordinators follow
/// every project. Anyone else is told it does not exist.
/// </summary>
public sealed record ProjectAccess(ProBonoProject Project, Guid AccountId, bool IsAdmin, string? MemberRole, bool IsCoordinator)
{
    public bool IsMember => MemberRole is not null;

    /// <summary>The organization and the team: they write the log, keep the phases and the checklist.</summary>
    public bool CanWork => IsAdmin || IsMember;

    /// <summary>A coordinator reading a project they are not part of, which names people: written to the audit trail.</summary>
    public bool IsStaffView => IsCoordinator && !CanWork;

    public static async Task<ProjectAccess?> ForAsync(AppDbContext db, IAuthorizationService authorization, ClaimsPrincipal user, Guid projectId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var project = await db.ProBonoProjects.SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (project is null) return null;
        var me = ChallengeAccess.AccountId(user);
        var role = await db.RoundAssignments.AsNoTracking()
            .Where(a => a.ChallengeId == project.ChallengeId && a.AccountId == me && a.Response == AssignmentResponse.Accepted)
            .Select(a => a.Role).FirstOrDefaultAsync(cancellationToken);
        var admin = await ChallengeAccess.ManagedOrganizationAsync(db, authorization, user, project.OrganizationId, cancellationToken) is not null;
        var access = new ProjectAccess(project, me, admin, role, ChallengeAccess.IsCoordinator(user));
        return access.CanWork || access.IsCoordinator ? access : null;
    }
}
