using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.ProBono.Challenges;

namespace Tsunagari.Features.ProBono.ExpertSessions;

/// <summary>The organization's expert sessions with their status and the time given, for its admins.</summary>
[Authorize]
public sealed class OrganizationExpertSessionsModel(AppDbContext db, IAuthorizationService authorization) : PageModel
{
    public sealed record Row(Guid Id, string Topic, string Skill, ExpertSessionStatus Status, DateTimeOffset? StartsAt, DateTimeOffset Slot1,
        string? ProfessionalName, int DonatedMinutes, DateTimeOffset RequestedAt);

    public Guid OrganizationId { get; private set; }
    public string OrganizationName { get; private set; } = "";
    public IReadOnlyList<Row> Sessions { get; private set; } = [];
    public int DonatedMinutes { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var organization = await ChallengeAccess.ManagedOrganizationAsync(db, authorization, User, id, cancellationToken);
        if (organization is null) return Forbid();
        OrganizationId = id;
        OrganizationName = organization.Name;
        Sessions = await (from s in db.ExpertSessions.AsNoTracking()
                          where s.OrganizationId == id
                          join u in db.Users on s.ProfessionalId equals u.Id into pros
                          from u in pros.DefaultIfEmpty()
                          orderby s.RequestedAt descending
                          select new Row(s.Id, s.Topic, s.Skill, s.Status, s.StartsAt, s.Slot1,
                              s.Status == ExpertSessionStatus.Scheduled || s.Status == ExpertSessionStatus.Held || s.Status == ExpertSessionStatus.NotHeld && u != null ? u.DisplayName : null,
                              s.DonatedMinutes, s.RequestedAt))
                         .Take(200).ToListAsync(cancellationToken);
        DonatedMinutes = await db.ExpertSessions.AsNoTracking().Where(s => s.OrganizationId == id && s.Status == ExpertSessionStatus.Held)
            .SumAsync(s => s.DonatedMinutes, cancellationToken);
        return Page();
    }
}
