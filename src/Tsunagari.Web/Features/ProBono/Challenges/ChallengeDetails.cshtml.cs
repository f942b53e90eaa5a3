using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;

namespace Tsunagari.Features.ProBono.Challenges;

/// <summary>
/// One challenge: what the organization wrote, its status, the coordinator's note and, once formed, the team. Seen by
/// the organization's admins, coordinators, and the professionals proposed for it.
/// </summary>
[Authorize]
public sealed class ChallengeDetailsModel(AppDbContext db, IAuthorizationService authorization) : PageModel
{
    public sealed record Member(string Name, string Role, AssignmentResponse Response);

    public ProBono.Challenge Item { get; private set; } = null!;
    public string OrganizationName { get; private set; } = "";
    public bool CanManage { get; private set; }
    public bool IsCoordinator { get; private set; }
    public string? RoundName { get; private set; }
    public IReadOnlyList<Member> Team { get; private set; } = [];

    /// <summary>The project once the team is staffed (its page checks who may open it).</summary>
    public Guid? ProjectId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var challenge = await db.Challenges.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (challenge is null) return NotFound();
        var me = ChallengeAccess.AccountId(User);
        IsCoordinator = ChallengeAccess.IsCoordinator(User);
        var organization = await ChallengeAccess.ManagedOrganizationAsync(db, authorization, User, challenge.OrganizationId, cancellationToken);
        CanManage = organization is not null;
        var proposed = !CanManage && !IsCoordinator
            && await db.RoundAssignments.AsNoTracking().AnyAsync(a => a.ChallengeId == id && a.AccountId == me && a.SentAt != null, cancellationToken);
        if (!CanManage && !IsCoordinator && !proposed) return NotFound();
        Item = challenge;
        OrganizationName = organization?.Name
            ?? await db.Organizations.AsNoTracking().Where(o => o.Id == challenge.OrganizationId).Select(o => o.Name).SingleAsync(cancellationToken);
        RoundName = challenge.RoundId is { } roundId
            ? await db.MatchingRounds.AsNoTracking().Where(r => r.Id == roundId).Select(r => r.Name).SingleOrDefaultAsync(cancellationToken)
            : null;
        // The organization sees the team once proposals are out; coordinators always.
        Team = await (from a in db.RoundAssignments.AsNoTracking()
                      where a.ChallengeId == id && (a.Response == AssignmentResponse.Proposed || a.Response == AssignmentResponse.Accepted)
                            && (IsCoordinator || a.SentAt != null)
                      join u in db.Users on a.AccountId equals u.Id
                      orderby a.Role, u.DisplayName
                      select new Member(u.DisplayName, a.Role, a.Response)).ToListAsync(cancellationToken);
        ProjectId = await db.ProBonoProjects.AsNoTracking().Where(p => p.ChallengeId == id).Select(p => (Guid?)p.Id).SingleOrDefaultAsync(cancellationToken);
        return Page();
    }
}
