using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;

namespace Tsunagari.Features.ProBono.Projects;

/// <summary>
/// What an organization received through pro bono, valued: the hours professionals gave to its projects and the held
/// expert sessions, each at the hourly rate of its skill (<see cref="ProBonoOptions"/>). Funds and impact evaluation read
/// the same figures.
/// </summary>
public sealed record InKindContribution(int Projects, decimal ProjectHours, int Sessions, decimal SessionHours, decimal Value)
{
    public decimal Hours => ProjectHours + SessionHours;

    public static async Task<InKindContribution> ForOrganizationAsync(AppDbContext db, ProBonoOptions rates, Guid organizationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rates);
        // Grouped per project and skill in the database; the sums of decimals are done here, which SQLite cannot.
        var time = await db.DonatedTimes.AsNoTracking()
            .Join(db.ProBonoProjects.Where(p => p.OrganizationId == organizationId), t => t.ProjectId, p => p.Id, (t, p) => new { t.ProjectId, t.Skill, t.Hours })
            .ToListAsync(cancellationToken);
        var sessions = await db.ExpertSessions.AsNoTracking()
            .Where(s => s.OrganizationId == organizationId && s.DonatedMinutes > 0)
            .Select(s => new { s.Skill, s.DonatedMinutes }).ToListAsync(cancellationToken);
        var entries = time.Select(t => (t.Skill, t.Hours)).Concat(sessions.Select(s => (s.Skill, s.DonatedMinutes / 60m))).ToList();
        return new InKindContribution(time.Select(t => t.ProjectId).Distinct().Count(), time.Sum(t => t.Hours),
            sessions.Count, sessions.Sum(s => s.DonatedMinutes) / 60m, rates.Value(entries));
    }
}
