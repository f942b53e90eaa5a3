using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Tsunagari.Data;
using Tsunagari.Features.Engagement;
using Tsunagari.Features.ProBono.TeamFormation;
using Tsunagari.Features.Regions;
using Tsunagari.Platform;
using Tsunagari.Resources;

namespace Tsunagari.Features.ProBono.Rounds;

/// <summary>
/// Runs the solver over a round (or, for a replacement, over one challenge) and saves its proposal as unsent rows: the
/// coordinator's draft. Locked and sent members stay; the previous draft is replaced.
/// </summary>
public sealed class RunRound(AppDbContext db, FormTeams formTeams, ListGroupings groupings, IOptions<TsunagariOptions> options,
    IStringLocalizer<SharedResource> l, TimeProvider clock)
{
    /// <summary>Null when done, else a localized message (nothing saved).</summary>
    public async Task<string?> RunAsync(Guid roundId, CancellationToken cancellationToken)
    {
        var data = await RoundData.LoadAsync(db, groupings, options.Value.Prefecture, roundId, null, cancellationToken);
        if (data is null) return l["このマッチングの回は見つかりません。"];
        if (data.Round.Status == RoundStatus.Closed) return l["終了したマッチングの回は実行できません。"];
        if (data.Challenges.Count == 0) return l["この回には、チームを編成する課題がありません。受理した課題を加えてください。"];
        if (data.Professionals.Count == 0) return l["プロボノに登録している人がいません。"];
        TeamFormationResult result;
        try
        {
            result = formTeams.Solve(data.Problem(), cancellationToken);
        }
        catch (LockedMembersException e)
        {
            var title = data.Challenges.FirstOrDefault(c => string.Equals(c.Id.ToString(), e.ChallengeId, StringComparison.Ordinal))?.Title ?? "";
            return l["「{0}」は、固定したメンバーではチームを編成できません。固定を外すか、メンバーを替えてください。", title];
        }
        Apply(data, result);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>
    /// After a decline: looks for a replacement on that challenge, keeping everyone still on the team. Returns true when
    /// one was found (a draft for the coordinator to send); otherwise the challenge is left unstaffed and its team released.
    /// The caller saves.
    /// </summary>
    public async Task<bool> SuggestReplacementAsync(Guid roundId, Challenge challenge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        var data = await RoundData.LoadAsync(db, groupings, options.Value.Prefecture, roundId, challenge.Id, cancellationToken);
        var now = clock.GetUtcNow();
        if (data is null || data.Challenges.Count == 0) return false;
        try
        {
            var result = formTeams.Solve(data.Problem(), cancellationToken);
            Apply(data, result);
            if (result.Teams.Count > 0) return true;
        }
        catch (LockedMembersException)
        {
            // The people still on the team cannot be completed: fall through and leave the challenge unstaffed.
            var role = data.Assignments.Where(a => a.ChallengeId == challenge.Id && a.Response == AssignmentResponse.Declined)
                .OrderByDescending(a => a.RespondedAt).Select(a => a.Role).FirstOrDefault();
            challenge.MarkUnstaffed(nameof(UnstaffedReason.NobodyForRole), role, now);
        }
        // No half teams: whoever is left on it is released and told.
        foreach (var a in data.Assignments.Where(a => a.ChallengeId == challenge.Id && a.Current))
        {
            a.Withdraw(now);
            if (a.SentAt is not null)
                db.Notifications.Add(ProBonoNotices.For(a.AccountId, challenge, NotificationKind.ProBonoTeamCancelled, "", "/me/probono", now));
        }
        return false;
    }

    private void Apply(RoundData data, TeamFormationResult result)
    {
        var now = clock.GetUtcNow();
        var challenges = data.Challenges.ToDictionary(c => c.Id.ToString(), StringComparer.Ordinal);
        var professionals = data.Professionals.ToDictionary(p => p.AccountId.ToString(), StringComparer.Ordinal);
        var ids = data.Challenges.Select(c => c.Id).ToHashSet();
        // The previous draft goes; locked and sent rows are in the problem as locked and come back as they are.
        foreach (var draft in data.Assignments.Where(a => ids.Contains(a.ChallengeId) && a.Current && a.SentAt == null && !a.Locked).ToList())
        {
            db.RoundAssignments.Remove(draft);
            data.Assignments.Remove(draft);
        }
        foreach (var team in result.Teams)
        {
            var challenge = challenges[team.ChallengeId];
            challenge.MarkProposed(now);
            foreach (var member in team.Members)
            {
                var accountId = Guid.Parse(member.ProfessionalId);
                if (data.Assignments.Any(a => a.ChallengeId == challenge.Id && a.AccountId == accountId && a.Current)) continue;
                var row = new RoundAssignment(data.Round.Id, challenge.Id, accountId, member.Role, data.Fit(challenge, professionals[member.ProfessionalId], member.Role), false, now);
                db.RoundAssignments.Add(row);
                data.Assignments.Add(row);
            }
        }
        foreach (var unstaffed in result.Unstaffed)
            if (challenges.TryGetValue(unstaffed.ChallengeId, out var challenge))
                challenge.MarkUnstaffed(unstaffed.Reason.ToString(), unstaffed.Skill, now);
        data.Round.LastSolver = result.Solver;
        data.Round.LastOptimal = result.Optimal;
        data.Round.LastRunAt = now;
    }
}
