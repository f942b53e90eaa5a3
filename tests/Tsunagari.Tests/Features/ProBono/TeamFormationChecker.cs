using System.Globalization;
using Tsunagari.Features.ProBono.TeamFormation;

namespace Tsunagari.Tests.Features.ProBono;

/// <summary>
/// Checks a result against the rules, written from the issue and independently of the solvers: every constraint, the
/// reported counts and fit, and that locked members are kept. Returns the violations (none: feasible).
/// </summary>
public static class TeamFormationChecker
{
    public static int Fit(TeamFormationProblem problem, ChallengeNeed challenge, ProfessionalOffer pro, string role)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(challenge);
        ArgumentNullException.ThrowIfNull(pro);
        var near = challenge.Online && pro.AcceptsOnline;
        if (challenge.MunicipalityCode is { } code)
        {
            near |= pro.PreferredMunicipalities.Contains(code);
            near |= problem.GroupingOf.TryGetValue(code, out var grouping)
                && pro.PreferredMunicipalities.Any(m => problem.GroupingOf.TryGetValue(m, out var g) && g == grouping);
        }
        return pro.Skills[role]
            + (challenge.Field is { } field && pro.PreferredFields.Contains(field) ? 1 : 0)
            + (near ? 1 : 0);
    }

    public static List<string> Violations(TeamFormationProblem problem, TeamFormationResult result)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(result);
        var errors = new List<string>();
        void Fail(string message) => errors.Add(message);
        var challenges = problem.Challenges.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var pros = problem.Professionals.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var excluded = problem.Excluded.ToHashSet();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var teamOf = new HashSet<string>(StringComparer.Ordinal);
        var fit = 0;
        foreach (var team in result.Teams)
        {
            if (!challenges.TryGetValue(team.ChallengeId, out var c))
            {
                Fail($"unknown challenge {team.ChallengeId}");
                continue;
            }
            if (!teamOf.Add(c.Id)) Fail($"two teams for {c.Id}");
            if (team.Members.Count < c.MinSize || team.Members.Count > c.MaxSize)
                Fail($"{c.Id}: size {team.Members.Count} outside [{c.MinSize}, {c.MaxSize}]");
            foreach (var role in c.Roles.GroupBy(r => r.Skill, StringComparer.Ordinal))
            {
                var filled = team.Members.Count(m => m.Role == role.Key);
                if (filled < role.Sum(r => r.Count)) Fail($"{c.Id}: role {role.Key} has {filled} of {role.Sum(r => r.Count)}");
            }
            foreach (var m in team.Members)
            {
                if (m.ChallengeId != c.Id) Fail($"{c.Id}: member names {m.ChallengeId}");
                if (!pros.TryGetValue(m.ProfessionalId, out var p))
                {
                    Fail($"unknown professional {m.ProfessionalId}");
                    continue;
                }
                if (!seen.Add(p.Id)) Fail($"{p.Id} in two places");
                if (!c.Roles.Any(r => r.Skill == m.Role)) Fail($"{c.Id}: role {m.Role} not listed");
                if (!p.Skills.TryGetValue(m.Role, out var level) || level < 1)
                {
                    Fail($"{p.Id} lacks {m.Role}");
                    continue;
                }
                if (p.HoursPerWeek < c.HoursPerWeek) Fail($"{p.Id}: {p.HoursPerWeek} h < {c.HoursPerWeek} h of {c.Id}");
                if (p.Conflicts.Contains(c.Id) || (c.OrganizationId is { } org && p.Conflicts.Contains(org))) Fail($"{p.Id} conflicts with {c.Id}");
                if (excluded.Contains((c.Id, p.Id))) Fail($"{p.Id} excluded from {c.Id}");
                fit += Fit(problem, c, p, m.Role);
            }
        }
        foreach (var locked in problem.Locked)
            if (!result.Teams.Any(t => t.ChallengeId == locked.ChallengeId
                && t.Members.Any(m => m.ProfessionalId == locked.ProfessionalId && m.Role == locked.Role)))
                Fail($"locked {locked.ProfessionalId} not kept in {locked.ChallengeId}");
        var unstaffed = result.Unstaffed.Select(u => u.ChallengeId).ToHashSet(StringComparer.Ordinal);
        foreach (var c in problem.Challenges)
            if (teamOf.Contains(c.Id) == unstaffed.Contains(c.Id)) Fail($"{c.Id} is {(teamOf.Contains(c.Id) ? "both staffed and unstaffed" : "neither staffed nor unstaffed")}");
        if (result.StaffedCount != result.Teams.Count) Fail(string.Create(CultureInfo.InvariantCulture, $"staffed count {result.StaffedCount} but {result.Teams.Count} teams"));
        if (result.TotalFit != fit) Fail(string.Create(CultureInfo.InvariantCulture, $"total fit {result.TotalFit} but members add up to {fit}"));
        return errors;
    }
}
