using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;

namespace Tsunagari.Features.ProBono.ExpertSessions;

/// <summary>
/// Coordinators' queue of expert sessions: requests waiting for a professional (oldest first, with how many have
/// declined), proposals waiting for an answer, and scheduled sessions.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class ExpertSessionQueueModel(AppDbContext db) : PageModel
{
    public sealed record Row(Guid Id, string Topic, string OrganizationName, string Skill, WorkMode Mode, ExpertSessionStatus Status,
        DateTimeOffset? StartsAt, DateTimeOffset Slot1, int Declines, DateTimeOffset RequestedAt);

    public IReadOnlyList<Row> Requested { get; private set; } = [];
    public IReadOnlyList<Row> InProgress { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var rows = await (from s in db.ExpertSessions.AsNoTracking()
                          where s.Status == ExpertSessionStatus.Requested || s.Status == ExpertSessionStatus.Assigned || s.Status == ExpertSessionStatus.Scheduled
                          join o in db.Organizations on s.OrganizationId equals o.Id
                          orderby s.RequestedAt
                          select new Row(s.Id, s.Topic, o.Name, s.Skill, s.Mode, s.Status, s.StartsAt, s.Slot1,
                              db.ExpertSessionDeclines.Count(d => d.SessionId == s.Id), s.RequestedAt))
                         .Take(500).ToListAsync(cancellationToken);
        Requested = rows.Where(r => r.Status == ExpertSessionStatus.Requested).ToList();
        InProgress = rows.Where(r => r.Status != ExpertSessionStatus.Requested).OrderBy(r => r.StartsAt).ToList();
    }
}
