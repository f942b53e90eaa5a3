using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;

namespace Tsunagari.Features.ProBono.Professionals;

/// <summary>
/// The person's pro bono profile, the team proposals made to them, the time they gave to projects and what they wrote in
/// projects' logs and evaluations: exported in full. On erasure the profile goes and the proposals are deleted too (a team's record then
/// lacks the person, which is what erasure asks); their hours stay, unsigned and without their notes, as the
/// organization's in-kind contribution, and their log entries and evaluations stay unsigned as the project's record.
/// </summary>
public sealed class ProBonoPersonalData(AppDbContext db) : IPersonalData
{
    public string Section => "probono";

    public async Task<object?> ExportAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var profile = await db.ProBonoProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.AccountId == accountId, cancellationToken);
        var proposals = await (from a in db.RoundAssignments.AsNoTracking()
                               where a.AccountId == accountId && a.SentAt != null
                               join c in db.Challenges on a.ChallengeId equals c.Id
                               orderby a.SentAt
                               select new { Challenge = c.Title, a.Role, Response = a.Response.ToString(), a.DeclineReason, a.SentAt, a.RespondedAt })
                              .ToListAsync(cancellationToken);
        var time = await (from t in db.DonatedTimes.AsNoTracking()
                          where t.AccountId == accountId
                          join p in db.ProBonoProjects on t.ProjectId equals p.Id
                          orderby t.On
                          select new { Project = p.Title, t.Skill, t.On, t.Hours, t.Note }).ToListAsync(cancellationToken);
        var log = await (from e in db.ProjectLogEntries.AsNoTracking()
                         where e.AuthorId == accountId
                         join p in db.ProBonoProjects on e.ProjectId equals p.Id
                         orderby e.CreatedAt
                         select new { Project = p.Title, Kind = e.Kind.ToString(), e.Text, e.CreatedAt }).ToListAsync(cancellationToken);
        var evaluations = await (from e in db.ProjectEvaluations.AsNoTracking()
                                 where e.AccountId == accountId
                                 join p in db.ProBonoProjects on e.ProjectId equals p.Id
                                 orderby e.UpdatedAt
                                 select new { Project = p.Title, Side = e.Side.ToString(), e.Rating, Use = e.Use.ToString(), e.WouldJoinAgain, e.Comment, e.UpdatedAt })
                                .ToListAsync(cancellationToken);
        if (profile is null && proposals.Count == 0 && time.Count == 0 && log.Count == 0 && evaluations.Count == 0) return null;
        return new
        {
            Profile = profile is null ? null : new
            {
                profile.Active,
                Skills = profile.Skills.Select(s => new { s.Skill, s.Level }).ToList(),
                profile.YearsOfExperience,
                profile.HoursPerWeek,
                profile.AvailableFrom,
                profile.AvailableTo,
                profile.PreferredFields,
                profile.PreferredMunicipalities,
                profile.AcceptsOnline,
                profile.AcceptsInPerson,
                profile.Conflicts,
                profile.UpdatedAt,
            },
            Proposals = proposals,
            DonatedTime = time,
            ProjectLog = log,
            Evaluations = evaluations,
        };
    }

    public async Task EraseAsync(Guid accountId, CancellationToken cancellationToken)
    {
        // Tracked removal, so the owned skills rows go with it on both databases.
        var profile = await db.ProBonoProfiles.SingleOrDefaultAsync(p => p.AccountId == accountId, cancellationToken);
        if (profile is not null) db.ProBonoProfiles.Remove(profile);
        db.RoundAssignments.RemoveRange(await db.RoundAssignments.Where(a => a.AccountId == accountId).ToListAsync(cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        await db.DonatedTimes.Where(t => t.AccountId == accountId).ExecuteUpdateAsync(u => u.SetProperty(t => t.AccountId, (Guid?)null).SetProperty(t => t.Note, ""), cancellationToken);
        await db.ProjectLogEntries.Where(e => e.AuthorId == accountId).ExecuteUpdateAsync(u => u.SetProperty(e => e.AuthorId, (Guid?)null), cancellationToken);
        await db.ProjectEvaluations.Where(e => e.AccountId == accountId).ExecuteUpdateAsync(u => u.SetProperty(e => e.AccountId, (Guid?)null), cancellationToken);
    }
}
