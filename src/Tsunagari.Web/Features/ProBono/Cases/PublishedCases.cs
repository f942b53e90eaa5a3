using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;

namespace Tsunagari.Features.ProBono.Cases;

/// <summary>
/// The public case library's one query: cases the organization consented to (a <see cref="ProBonoCase"/> row) of projects
/// still completed. What it returns is meant for anyone: the team's size and roles, never who they were.
/// </summary>
public static class PublishedCases
{
    public const int PageSize = 20;

    public sealed record Summary(Guid Id, string Title, string OrganizationName, DeliverableKind Kind, string Problem, DateTimeOffset PublishedAt);

    public sealed record Role(string Skill, int Count);

    public sealed record Link(string Title, string Url);

    public sealed record Detail(Guid Id, string Title, Guid OrganizationId, string OrganizationName, DeliverableKind Kind, DateOnly StartsOn, DateOnly EndsOn,
        string Problem, string Made, string Result, DateTimeOffset PublishedAt, IReadOnlyList<Role> Roles, IReadOnlyList<Link> Links)
    {
        public int TeamSize => Roles.Sum(r => r.Count);
    }

    /// <summary>One page of the library, newest first, and how many cases there are.</summary>
    public static async Task<(IReadOnlyList<Summary> Rows, int Total)> PageAsync(AppDbContext db, int page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var query = from c in db.ProBonoCases.AsNoTracking()
                    join p in db.ProBonoProjects.AsNoTracking() on c.ProjectId equals p.Id
                    where p.Status == ProjectStatus.Completed
                    join ch in db.Challenges.AsNoTracking() on p.ChallengeId equals ch.Id
                    join o in db.Organizations.AsNoTracking() on p.OrganizationId equals o.Id
                    select new { c.ProjectId, p.Title, o.Name, ch.Deliverable, c.Problem, c.PublishedAt };
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(x => x.PublishedAt).ThenBy(x => x.ProjectId)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(x => new Summary(x.ProjectId, x.Title, x.Name, x.Deliverable, x.Problem, x.PublishedAt))
            .ToListAsync(cancellationToken);
        return (rows, total);
    }

    /// <summary>The case of a project, or null when it is not (or no longer) published.</summary>
    public static async Task<Detail?> FindAsync(AppDbContext db, Guid projectId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var found = await (from c in db.ProBonoCases.AsNoTracking()
                           where c.ProjectId == projectId
                           join p in db.ProBonoProjects.AsNoTracking() on c.ProjectId equals p.Id
                           where p.Status == ProjectStatus.Completed
                           join ch in db.Challenges.AsNoTracking() on p.ChallengeId equals ch.Id
                           join o in db.Organizations.AsNoTracking() on p.OrganizationId equals o.Id
                           select new { Case = c, Project = p, ch.Deliverable, OrganizationName = o.Name })
                          .SingleOrDefaultAsync(cancellationToken);
        if (found is null) return null;
        var project = found.Project;
        // Roles counted, people not named: only the skill of each accepted member is read.
        var roles = await db.RoundAssignments.AsNoTracking()
            .Where(a => a.ChallengeId == project.ChallengeId && a.Response == AssignmentResponse.Accepted)
            .GroupBy(a => a.Role).Select(g => new Role(g.Key, g.Count()))
            .ToListAsync(cancellationToken);
        var links = found.Case.ShowLinks
            ? await db.ProjectDeliverables.AsNoTracking().Where(d => d.ProjectId == project.Id && d.Url != null)
                .OrderBy(d => d.AddedAt).Select(d => new Link(d.Title, d.Url!)).ToListAsync(cancellationToken)
            : [];
        // The period is the project's schedule, from the first phase's start to the review's due date.
        var starts = project.Phases.Min(ph => ph.StartsOn);
        var ends = project.Phases.Max(ph => ph.DueOn);
        return new Detail(project.Id, project.Title, project.OrganizationId, found.OrganizationName, found.Deliverable, starts, ends,
            found.Case.Problem, found.Case.Made, found.Case.Result, found.Case.PublishedAt, roles.OrderByDescending(r => r.Count).ThenBy(r => r.Skill, StringComparer.Ordinal).ToList(), links);
    }
}
