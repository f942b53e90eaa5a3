namespace Tsunagari.Features.ProBono.Rounds;

/// <summary>Whether the members on a challenge's team fill every role and fit its size: no half teams are sent or staffed.</summary>
public static class TeamCheck
{
    public static bool IsComplete(Challenge challenge, IEnumerable<RoundAssignment> members)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        var current = members.Where(m => m.ChallengeId == challenge.Id && m.Current).ToList();
        if (current.Count < challenge.MinSize || current.Count > challenge.MaxSize) return false;
        return challenge.Roles.All(r => current.Count(m => string.Equals(m.Role, r.Skill, StringComparison.Ordinal)) >= r.Count)
            && current.All(m => challenge.Roles.Any(r => string.Equals(r.Skill, m.Role, StringComparison.Ordinal)));
    }
}
