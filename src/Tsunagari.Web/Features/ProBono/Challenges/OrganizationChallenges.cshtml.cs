using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tsunagari.Data;
using Tsunagari.Features.ProBono.Projects;

namespace Tsunagari.Features.ProBono.Challenges;

/// <summary>
/// The organization's challenges with their status and the coordinator's last note, and what it received through pro bono,
/// for its admins.
/// </summary>
[Authorize]
public sealed class OrganizationChallengesModel(AppDbContext db, IAuthorizationService authorization, IOptions<ProBonoOptions> rates) : PageModel
{
    public sealed record Row(Guid Id, string Title, ChallengeStatus Status, string ReviewNote, DateTimeOffset SubmittedAt, DateTimeOffset UpdatedAt, Guid? ProjectId);

    public Guid OrganizationId { get; private set; }
    public string OrganizationName { get; private set; } = "";
    public IReadOnlyList<Row> Challenges { get; private set; } = [];
    public InKindContribution Received { get; private set; } = null!;
    public ProBonoOptions Rates => rates.Value;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var organization = await ChallengeAccess.ManagedOrganizationAsync(db, authorization, User, id, cancellationToken);
        if (organization is null) return Forbid();
        OrganizationId = id;
        OrganizationName = organization.Name;
        Challenges = await db.Challenges.AsNoTracking().Where(c => c.OrganizationId == id)
            .OrderByDescending(c => c.SubmittedAt).Take(200)
            .Select(c => new Row(c.Id, c.Title, c.Status, c.ReviewNote, c.SubmittedAt, c.UpdatedAt, db.ProBonoProjects.Where(p => p.ChallengeId == c.Id).Select(p => (Guid?)p.Id).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        Received = await InKindContribution.ForOrganizationAsync(db, rates.Value, id, cancellationToken);
        return Page();
    }
}
