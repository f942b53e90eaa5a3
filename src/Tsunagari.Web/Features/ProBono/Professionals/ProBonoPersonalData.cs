using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;

namespace Tsunagari.Features.ProBono.Professionals;

/// <summary>
/// The person's pro bono profile and the team proposals made to them: exported in full; on erasure the profile goes and
/// the proposals are deleted too (a team's record then lacks the person, which is what erasure asks).
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
        if (profile is null && proposals.Count == 0) return null;
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
        };
    }

    public async Task EraseAsync(Guid accountId, CancellationToken cancellationToken)
    {
        // Tracked removal, so the owned skills rows go with it on both databases.
        var profile = await db.ProBonoProfiles.SingleOrDefaultAsync(p => p.AccountId == accountId, cancellationToken);
        if (profile is not null) db.ProBonoProfiles.Remove(profile);
        db.RoundAssignments.RemoveRange(await db.RoundAssignments.Where(a => a.AccountId == accountId).ToListAsync(cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
    }
}
