using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;

namespace Tsunagari.Features.ProBono.Professionals;

/// <summary>
/// The person's pro bono profile, the team proposals made to them, the time they gave to projects, what they wrote in
/// projects' logs and evaluations, the deliverables they added, the cases they consented to publish, and the expert
/// sessions they gave or declined: exported in full. On erasure the profile goes and the proposals and declines are
/// deleted too (a team's record then lacks the person, which is what erasure asks). What is the organization's record
/// stays without the person: their hours, unsigned and without their notes, as its in-kind contribution; their log
/// entries, evaluations and deliverables, unsigned; a case they consented to stays published (the organization's
/// consent) without their name; expert sessions, with their note and rating removed (one still to answer goes back to
/// the coordinators, one still to happen is cancelled).
/// </summary>
public sealed class ProBonoPersonalData(AppDbContext db, TimeProvider clock) : IPersonalData
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
        var sessions = await (from s in db.ExpertSessions.AsNoTracking()
                              where s.ProfessionalId == accountId
                              join o in db.Organizations on s.OrganizationId equals o.Id
                              orderby s.RequestedAt
                              select new
                              {
                                  Organization = o.Name,
                                  s.Topic,
                                  s.Skill,
                                  Mode = s.Mode.ToString(),
                                  Status = s.Status.ToString(),
                                  s.StartsAt,
                                  s.DurationMinutes,
                                  s.DonatedMinutes,
                                  s.Reason,
                                  s.ProfessionalNote,
                                  s.ProfessionalRating,
                                  s.OrganizationNote,
                                  s.OrganizationRating,
                              }).ToListAsync(cancellationToken);
        var declinedSessions = await (from d in db.ExpertSessionDeclines.AsNoTracking()
                                      where d.AccountId == accountId
                                      join s in db.ExpertSessions on d.SessionId equals s.Id
                                      orderby d.DeclinedAt
                                      select new { s.Topic, d.Reason, d.DeclinedAt }).ToListAsync(cancellationToken);
        var deliverables = await (from d in db.ProjectDeliverables.AsNoTracking()
                                  where d.AddedBy == accountId
                                  join p in db.ProBonoProjects on d.ProjectId equals p.Id
                                  orderby d.AddedAt
                                  select new { Project = p.Title, d.Title, Kind = d.Kind.ToString(), d.FileName, d.Url, d.AddedAt }).ToListAsync(cancellationToken);
        var cases = await (from c in db.ProBonoCases.AsNoTracking()
                           where c.ConsentedBy == accountId
                           join p in db.ProBonoProjects on c.ProjectId equals p.Id
                           orderby c.PublishedAt
                           select new { Project = p.Title, c.PublishedAt, c.UpdatedAt }).ToListAsync(cancellationToken);
        if (profile is null && proposals.Count == 0 && time.Count == 0 && log.Count == 0 && evaluations.Count == 0 && deliverables.Count == 0
            && cases.Count == 0 && sessions.Count == 0 && declinedSessions.Count == 0)
            return null;
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
            ExpertSessions = sessions,
            DeclinedExpertSessions = declinedSessions,
            Deliverables = deliverables,
            CasesConsented = cases,
        };
    }

    public async Task EraseAsync(Guid accountId, CancellationToken cancellationToken)
    {
        // Tracked removal, so the owned skills rows go with it on both databases.
        var profile = await db.ProBonoProfiles.SingleOrDefaultAsync(p => p.AccountId == accountId, cancellationToken);
        if (profile is not null) db.ProBonoProfiles.Remove(profile);
        db.RoundAssignments.RemoveRange(await db.RoundAssignments.Where(a => a.AccountId == accountId).ToListAsync(cancellationToken));
        db.ExpertSessionDeclines.RemoveRange(await db.ExpertSessionDeclines.Where(d => d.AccountId == accountId).ToListAsync(cancellationToken));
        var now = clock.GetUtcNow();
        foreach (var session in await db.ExpertSessions.Where(s => s.ProfessionalId == accountId).ToListAsync(cancellationToken))
            session.ForgetProfessional(now);
        await db.SaveChangesAsync(cancellationToken);
        await db.DonatedTimes.Where(t => t.AccountId == accountId).ExecuteUpdateAsync(u => u.SetProperty(t => t.AccountId, (Guid?)null).SetProperty(t => t.Note, ""), cancellationToken);
        await db.ProjectLogEntries.Where(e => e.AuthorId == accountId).ExecuteUpdateAsync(u => u.SetProperty(e => e.AuthorId, (Guid?)null), cancellationToken);
        await db.ProjectEvaluations.Where(e => e.AccountId == accountId).ExecuteUpdateAsync(u => u.SetProperty(e => e.AccountId, (Guid?)null), cancellationToken);
        await db.ProjectDeliverables.Where(d => d.AddedBy == accountId).ExecuteUpdateAsync(u => u.SetProperty(d => d.AddedBy, (Guid?)null), cancellationToken);
        await db.ProBonoCases.Where(c => c.ConsentedBy == accountId).ExecuteUpdateAsync(u => u.SetProperty(c => c.ConsentedBy, (Guid?)null), cancellationToken);
    }
}
