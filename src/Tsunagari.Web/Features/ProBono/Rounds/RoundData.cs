using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.ProBono.TeamFormation;
using Tsunagari.Features.Regions;

namespace Tsunagari.Features.ProBono.Rounds;

/// <summary>
/// Everything a round's team formation reads, loaded once: the challenges being staffed, every active professional not
/// busy elsewhere, the round's assignment rows, and the groupings for the "near" part of the fit.
/// </summary>
public sealed class RoundData
{
    public required MatchingRound Round { get; init; }
    public required IReadOnlyList<Challenge> Challenges { get; init; }
    public required IReadOnlyList<ProBonoProfile> Professionals { get; init; }
    public required List<RoundAssignment> Assignments { get; init; }
    public required IReadOnlyDictionary<string, string> GroupingOf { get; init; }

    /// <summary>Tracked entities, so that the caller changes and saves them.</summary>
    public static async Task<RoundData?> LoadAsync(AppDbContext db, ListGroupings groupings, string prefectureCode, Guid roundId, Guid? onlyChallenge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(groupings);
        var round = await db.MatchingRounds.SingleOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        if (round is null) return null;
        var challenges = await db.Challenges
            .Where(c => c.RoundId == roundId && (c.Status == ChallengeStatus.InRound || c.Status == ChallengeStatus.Unstaffed))
            .Where(c => onlyChallenge == null || c.Id == onlyChallenge)
            .OrderBy(c => c.SubmittedAt).ToListAsync(cancellationToken);
        var ids = challenges.Select(c => c.Id).ToList();
        var assignments = await db.RoundAssignments.Where(a => a.RoundId == roundId).ToListAsync(cancellationToken);
        // People on a team elsewhere (another challenge of this round not being solved now, or another round) are not free.
        var busy = await db.RoundAssignments.AsNoTracking()
            .Where(a => (a.Response == AssignmentResponse.Proposed || a.Response == AssignmentResponse.Accepted) && !ids.Contains(a.ChallengeId))
            .Select(a => a.AccountId).Distinct().ToListAsync(cancellationToken);
        var professionals = await db.ProBonoProfiles.AsNoTracking().Where(p => p.Active && !busy.Contains(p.AccountId))
            .OrderBy(p => p.AccountId).ToListAsync(cancellationToken);
        var groupingOf = ListGroupings.ByMunicipality(await groupings.RunAsync(prefectureCode, cancellationToken))
            .ToDictionary(g => g.Key, g => g.Value.Id.ToString(), StringComparer.Ordinal);
        return new RoundData { Round = round, Challenges = challenges, Professionals = professionals, Assignments = assignments, GroupingOf = groupingOf };
    }

    /// <summary>
    /// The round as the solver sees it. Sent or locked rows still on a team are locked; a declined pair, a professional
    /// whose period or way of working does not suit the challenge, is excluded.
    /// </summary>
    public TeamFormationProblem Problem(double timeLimitSeconds = 10)
    {
        var challengeIds = Challenges.Select(c => c.Id).ToHashSet();
        var locked = Assignments
            .Where(a => challengeIds.Contains(a.ChallengeId) && a.Current && (a.Locked || a.SentAt != null))
            .Select(a => new TeamMember(a.ChallengeId.ToString(), a.AccountId.ToString(), a.Role)).ToList();
        var lockedIds = locked.Select(m => m.ProfessionalId).ToHashSet(StringComparer.Ordinal);
        var excluded = new HashSet<(string, string)>();
        foreach (var a in Assignments.Where(a => a.Response is AssignmentResponse.Declined or AssignmentResponse.Withdrawn && challengeIds.Contains(a.ChallengeId)))
            excluded.Add((a.ChallengeId.ToString(), a.AccountId.ToString()));
        foreach (var c in Challenges)
            foreach (var p in Professionals)
                if (!Suits(c, p) && !lockedIds.Contains(p.AccountId.ToString())) excluded.Add((c.Id.ToString(), p.AccountId.ToString()));
        return new TeamFormationProblem
        {
            Challenges = Challenges.Select(c => new ChallengeNeed(c.Id.ToString(), c.Field, c.MunicipalityCode, c.Mode != WorkMode.InPerson, c.HoursPerWeek,
                c.Roles.Select(r => new RoleNeed(r.Skill, r.Count)).ToList(), c.MinSize, c.MaxSize, c.OrganizationId.ToString())).ToList(),
            Professionals = Professionals.Select(p => new ProfessionalOffer(p.AccountId.ToString(),
                p.Skills.ToDictionary(s => s.Skill, s => s.Level, StringComparer.Ordinal), p.HoursPerWeek, p.PreferredFields,
                p.PreferredMunicipalities, p.AcceptsOnline, p.Conflicts.Select(o => o.ToString()).ToList())).ToList(),
            Locked = locked,
            Excluded = excluded.ToList(),
            GroupingOf = GroupingOf,
            TimeLimitSeconds = timeLimitSeconds,
        };
    }

    /// <summary>The period and the way of working, which the solver does not know about.</summary>
    public static bool Suits(Challenge challenge, ProBonoProfile professional)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        ArgumentNullException.ThrowIfNull(professional);
        if (professional.AvailableFrom is { } from && from > challenge.StartsOn) return false;
        if (professional.AvailableTo is { } to && to < challenge.EndsOn) return false;
        return challenge.Mode switch
        {
            WorkMode.Online => professional.AcceptsOnline,
            WorkMode.InPerson => professional.AcceptsInPerson,
            _ => professional.AcceptsOnline || professional.AcceptsInPerson,
        };
    }

    /// <summary>The fit: level, +1 for a preferred field, +1 for near (a preferred municipality or its grouping, or online).</summary>
    public int Fit(Challenge challenge, ProBonoProfile professional, string role)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        ArgumentNullException.ThrowIfNull(professional);
        var level = professional.Skills.FirstOrDefault(s => string.Equals(s.Skill, role, StringComparison.Ordinal))?.Level ?? 0;
        var field = challenge.Field is { } f && professional.PreferredFields.Contains(f) ? 1 : 0;
        var near = challenge.Mode != WorkMode.InPerson && professional.AcceptsOnline;
        if (!near && challenge.MunicipalityCode is { } code)
        {
            var grouping = GroupingOf.GetValueOrDefault(code);
            near = professional.PreferredMunicipalities.Any(m => string.Equals(m, code, StringComparison.Ordinal)
                || (grouping is not null && string.Equals(GroupingOf.GetValueOrDefault(m), grouping, StringComparison.Ordinal)));
        }
        return level + field + (near ? 1 : 0);
    }
}
