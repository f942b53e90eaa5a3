using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Features.Engagement;
using Tsunagari.Features.ProBono.Projects;
using Tsunagari.Features.ProBono.Rounds;
using Tsunagari.Resources;

namespace Tsunagari.Features.ProBono.Professionals;

/// <summary>
/// A professional accepts or declines the team they were proposed for. The last acceptance staffs the challenge, starts
/// its project and tells the organization and the team; a decline excludes that pair for good and asks the solver for a replacement, which the coordinator
/// sends (or, when there is none, the challenge is left unstaffed).
/// </summary>
public sealed class RespondToProposal(AppDbContext db, RunRound runRound, IStringLocalizer<SharedResource> l, TimeProvider clock)
{
    /// <summary>Null when done; otherwise a localized message. Someone else's proposal is "not found" (null row).</summary>
    public async Task<(bool Found, string? Error)> RunAsync(Guid accountId, Guid assignmentId, bool accept, string? reason, CancellationToken cancellationToken)
    {
        var row = await db.RoundAssignments.SingleOrDefaultAsync(a => a.Id == assignmentId && a.AccountId == accountId && a.SentAt != null, cancellationToken);
        if (row is null) return (false, null);
        if (row.Response != AssignmentResponse.Proposed)
            return (true, row.Response == AssignmentResponse.Withdrawn ? l["この提案は取り下げられています。"] : l["この提案にはすでに回答しています。"]);
        reason = reason?.Trim() ?? "";
        if (reason.Length > RoundAssignment.MaxReasonLength) return (true, l["理由は{0}文字以内で入力してください。", RoundAssignment.MaxReasonLength]);
        var challenge = await db.Challenges.SingleAsync(c => c.Id == row.ChallengeId, cancellationToken);
        var now = clock.GetUtcNow();
        if (accept)
        {
            row.Accept(now);
            var team = await db.RoundAssignments.Where(a => a.ChallengeId == challenge.Id).ToListAsync(cancellationToken);
            var current = team.Where(a => a.Current).ToList();
            if (current.All(a => a.Response == AssignmentResponse.Accepted && a.SentAt != null) && TeamCheck.IsComplete(challenge, current))
            {
                challenge.MarkStaffed(now);
                await StartProject.RunAsync(db, challenge, row.RoundId, current.Select(a => a.AccountId), now, cancellationToken);
            }
        }
        else
        {
            row.Decline(reason, now);
            var coordinator = await db.MatchingRounds.AsNoTracking().Where(r => r.Id == row.RoundId).Select(r => r.CreatedBy).SingleAsync(cancellationToken);
            db.Notifications.Add(ProBonoNotices.For(coordinator, challenge, NotificationKind.ProBonoProposalDeclined, reason, $"/probono/rounds/{row.RoundId}", now));
            await runRound.SuggestReplacementAsync(row.RoundId, challenge, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        return (true, null);
    }
}
