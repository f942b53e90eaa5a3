using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;

namespace Tsunagari.Features.ProBono.Projects;

/// <summary>Every pro bono project for coordinators: where each stands and its next milestone, newest first.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class ProjectsModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public const int MaxRows = 500;

    public sealed record Row(Guid Id, string Title, string OrganizationName, ProjectStatus Status, ProjectPhase? Next, int Done, int Items);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = Platform.JapanTime.Date(clock.GetUtcNow());
        var projects = await db.ProBonoProjects.AsNoTracking()
            .OrderBy(p => p.Status).ThenByDescending(p => p.CreatedAt).Take(MaxRows)
            .Join(db.Organizations, p => p.OrganizationId, o => o.Id, (p, o) => new { Project = p, o.Name })
            .ToListAsync(cancellationToken);
        var ids = projects.Select(x => x.Project.Id).ToList();
        var checklist = await db.HandOverItems.AsNoTracking().Where(i => ids.Contains(i.ProjectId))
            .GroupBy(i => i.ProjectId).Select(g => new { g.Key, Items = g.Count(), Done = g.Count(i => i.DoneAt != null) })
            .ToDictionaryAsync(g => g.Key, cancellationToken);
        Rows = projects.Select(x => new Row(x.Project.Id, x.Project.Title, x.Name, x.Project.Status,
            x.Project.Phases.Where(ph => !ph.Done).OrderBy(ph => ph.Kind).FirstOrDefault(),
            checklist.GetValueOrDefault(x.Project.Id)?.Done ?? 0, checklist.GetValueOrDefault(x.Project.Id)?.Items ?? 0)).ToList();
    }
}
