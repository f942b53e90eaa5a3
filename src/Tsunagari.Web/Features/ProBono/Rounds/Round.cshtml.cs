using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Engagement;
using Tsunagari.Features.Regions;
using Tsunagari.Platform;
using Tsunagari.Resources;

namespace Tsunagari.Features.ProBono.Rounds;

/// <summary>
/// One matching round: add accepted challenges, run the solver, adjust its proposal (lock, remove, replace), re-run for
/// the rest, and send the proposals to the professionals.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class RoundModel(AppDbContext db, RunRound runRound, ListGroupings groupings, IOptions<TsunagariOptions> options,
    AuditTrail audit, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    private const string MessageKey = "ProBonoRoundMessage";

    public sealed record Member(Guid Id, Guid AccountId, string Name, string Role, int Fit, bool Locked, AssignmentResponse Response, string DeclineReason, bool Sent,
        IReadOnlyList<Choice> Replacements);

    public sealed record Choice(Guid AccountId, string Name, int Fit);

    public sealed record TeamView(Challenge Challenge, string OrganizationName, IReadOnlyList<Member> Members, IReadOnlyList<Member> Past, bool Complete);

    public sealed record Candidate(Guid Id, string Title, string OrganizationName);

    public MatchingRound Round { get; private set; } = null!;
    public IReadOnlyList<TeamView> Teams { get; private set; } = [];
    public IReadOnlyList<Candidate> Candidates { get; private set; } = [];
    public int ProfessionalCount { get; private set; }
    public int StaffedCount => Teams.Count(t => t.Challenge.Status == ChallengeStatus.Staffed || (t.Challenge.Status == ChallengeStatus.InRound && t.Complete));
    public int TotalFit => Teams.Where(t => t.Complete).Sum(t => t.Members.Sum(m => m.Fit));
    public bool HasDraft => Teams.Any(t => t.Complete && t.Members.Any(m => !m.Sent));
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        // The page names professionals with their fit and answers: staff reading it is written to the audit trail.
        await audit.RecordAsync(User, AuditTrail.Actions.ViewPersonalData, null, $"probono round {id}", cancellationToken);
        Message = TempData[MessageKey] as string;
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(Guid id, Guid challengeId, CancellationToken cancellationToken)
    {
        var round = await db.MatchingRounds.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (round is null) return NotFound();
        var challenge = await db.Challenges.SingleOrDefaultAsync(c => c.Id == challengeId, cancellationToken);
        if (round.Status == RoundStatus.Closed) return await FailAsync(id, l["終了したマッチングの回は変更できません。"], cancellationToken);
        if (challenge is null || challenge.Status != ChallengeStatus.Accepted)
            return await FailAsync(id, l["受理した課題だけをマッチングの回に加えられます。"], cancellationToken);
        challenge.AddToRound(round.Id, round.DefaultMinSize, round.DefaultMaxSize, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Done(id, "課題をマッチングの回に加えました。");
    }

    public async Task<IActionResult> OnPostRunAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await db.MatchingRounds.AnyAsync(r => r.Id == id, cancellationToken)) return NotFound();
        var error = await runRound.RunAsync(id, cancellationToken);
        return error is null ? Done(id, "チーム編成を実行しました。") : await FailAsync(id, error, cancellationToken);
    }

    public Task<IActionResult> OnPostLockAsync(Guid id, Guid assignmentId, CancellationToken cancellationToken) =>
        ChangeAsync(id, assignmentId, a => a.Locked = true, "メンバーを固定しました。", cancellationToken);

    public Task<IActionResult> OnPostUnlockAsync(Guid id, Guid assignmentId, CancellationToken cancellationToken) =>
        ChangeAsync(id, assignmentId, a => a.Locked = false, "メンバーの固定を外しました。", cancellationToken);

    public Task<IActionResult> OnPostRemoveAsync(Guid id, Guid assignmentId, CancellationToken cancellationToken) =>
        ChangeAsync(id, assignmentId, a => a.Withdraw(clock.GetUtcNow()), "メンバーを外しました。", cancellationToken);

    public async Task<IActionResult> OnPostReplaceAsync(Guid id, Guid assignmentId, Guid accountId, CancellationToken cancellationToken)
    {
        var row = await db.RoundAssignments.SingleOrDefaultAsync(a => a.Id == assignmentId && a.RoundId == id, cancellationToken);
        if (row is null) return NotFound();
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        var choice = Teams.SelectMany(t => t.Members).FirstOrDefault(m => m.Id == assignmentId)?.Replacements.FirstOrDefault(c => c.AccountId == accountId);
        if (choice is null || !row.Current || row.SentAt is not null)
            return await FailAsync(id, l["その人はこの役割に入れません。候補の中から選んでください。"], cancellationToken);
        var now = clock.GetUtcNow();
        row.Withdraw(now);
        // The coordinator chose this person: locked, so that a re-run keeps them.
        db.RoundAssignments.Add(new RoundAssignment(id, row.ChallengeId, accountId, row.Role, choice.Fit, true, now));
        await db.SaveChangesAsync(cancellationToken);
        return Done(id, "メンバーを入れ替えました。");
    }

    public async Task<IActionResult> OnPostSendAsync(Guid id, CancellationToken cancellationToken)
    {
        var round = await db.MatchingRounds.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (round is null) return NotFound();
        if (round.Status == RoundStatus.Closed) return await FailAsync(id, l["終了したマッチングの回は変更できません。"], cancellationToken);
        var challenges = await db.Challenges.Where(c => c.RoundId == id && c.Status == ChallengeStatus.InRound).ToListAsync(cancellationToken);
        var ids = challenges.Select(c => c.Id).ToList();
        var rows = await db.RoundAssignments.Where(a => a.RoundId == id && ids.Contains(a.ChallengeId)).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var sent = 0;
        foreach (var challenge in challenges.Where(c => TeamCheck.IsComplete(c, rows)))
            foreach (var row in rows.Where(r => r.ChallengeId == challenge.Id && r.Current && r.SentAt is null))
            {
                row.Send(now);
                db.Notifications.Add(ProBonoNotices.For(row.AccountId, challenge, NotificationKind.ProBonoProposal, "", "/me/probono", now));
                sent++;
            }
        if (sent == 0) return await FailAsync(id, l["送る提案がありません。先にチーム編成を実行してください（人数のそろったチームだけを送ります）。"], cancellationToken);
        round.Status = RoundStatus.Proposed;
        await db.SaveChangesAsync(cancellationToken);
        return Done(id, "提案を送りました。");
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken cancellationToken)
    {
        var round = await db.MatchingRounds.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (round is null) return NotFound();
        round.Status = RoundStatus.Closed;
        await db.SaveChangesAsync(cancellationToken);
        return Done(id, "マッチングの回を終了しました。");
    }

    private async Task<IActionResult> ChangeAsync(Guid id, Guid assignmentId, Action<RoundAssignment> change, string message, CancellationToken cancellationToken)
    {
        var row = await db.RoundAssignments.SingleOrDefaultAsync(a => a.Id == assignmentId && a.RoundId == id, cancellationToken);
        if (row is null) return NotFound();
        if (!row.Current || row.Response == AssignmentResponse.Accepted)
            return await FailAsync(id, l["回答済みのメンバーは変更できません。"], cancellationToken);
        change(row);
        await db.SaveChangesAsync(cancellationToken);
        return Done(id, message);
    }

    private RedirectResult Done(Guid id, string message)
    {
        TempData[MessageKey] = message;
        return Redirect($"/probono/rounds/{id}");
    }

    private async Task<IActionResult> FailAsync(Guid id, string message, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        ModelState.AddModelError("", message);
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var round = await db.MatchingRounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (round is null) return false;
        Round = round;
        var challenges = await (from c in db.Challenges.AsNoTracking()
                                where c.RoundId == id
                                join o in db.Organizations on c.OrganizationId equals o.Id
                                orderby c.SubmittedAt
                                select new { Challenge = c, o.Name }).ToListAsync(cancellationToken);
        var rows = await db.RoundAssignments.AsNoTracking().Where(a => a.RoundId == id).OrderBy(a => a.CreatedAt).ToListAsync(cancellationToken);
        var busy = await db.RoundAssignments.AsNoTracking()
            .Where(a => a.Response == AssignmentResponse.Proposed || a.Response == AssignmentResponse.Accepted)
            .Select(a => a.AccountId).Distinct().ToListAsync(cancellationToken);
        var professionals = await db.ProBonoProfiles.AsNoTracking().Where(p => p.Active).ToListAsync(cancellationToken);
        ProfessionalCount = professionals.Count;
        var names = await db.Users.AsNoTracking()
            .Where(u => db.ProBonoProfiles.Any(p => p.AccountId == u.Id) || db.RoundAssignments.Any(a => a.RoundId == id && a.AccountId == u.Id))
            .Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var groupingOf = ListGroupings.ByMunicipality(await groupings.RunAsync(options.Value.Prefecture, cancellationToken))
            .ToDictionary(g => g.Key, g => g.Value.Id.ToString(), StringComparer.Ordinal);
        var data = new RoundData { Round = round, Challenges = [], Professionals = professionals, Assignments = rows, GroupingOf = groupingOf };
        var free = professionals.Where(p => !busy.Contains(p.AccountId)).ToList();

        IReadOnlyList<Choice> ReplacementsFor(Challenge c, RoundAssignment a)
        {
            if (a.SentAt is not null || !a.Current) return [];
            var excluded = rows.Where(r => r.ChallengeId == c.Id && !r.Current).Select(r => r.AccountId).ToHashSet();
            return free.Where(p => !excluded.Contains(p.AccountId) && p.HoursPerWeek >= c.HoursPerWeek && !p.Conflicts.Contains(c.OrganizationId)
                                   && p.Skills.Any(s => string.Equals(s.Skill, a.Role, StringComparison.Ordinal) && s.Level >= 1) && RoundData.Suits(c, p))
                .Select(p => new Choice(p.AccountId, names.GetValueOrDefault(p.AccountId, ""), data.Fit(c, p, a.Role)))
                .OrderByDescending(x => x.Fit).ThenBy(x => x.Name, StringComparer.Ordinal).Take(20).ToList();
        }

        Member ToMember(Challenge c, RoundAssignment a) => new(a.Id, a.AccountId, names.GetValueOrDefault(a.AccountId, ""), a.Role, a.Fit, a.Locked, a.Response,
            a.DeclineReason, a.SentAt is not null, ReplacementsFor(c, a));

        Teams = challenges.Select(x =>
        {
            var mine = rows.Where(r => r.ChallengeId == x.Challenge.Id).ToList();
            return new TeamView(x.Challenge, x.Name,
                mine.Where(r => r.Current).Select(r => ToMember(x.Challenge, r)).ToList(),
                mine.Where(r => !r.Current).Select(r => ToMember(x.Challenge, r)).ToList(),
                TeamCheck.IsComplete(x.Challenge, mine));
        }).ToList();
        Candidates = await (from c in db.Challenges.AsNoTracking()
                            where c.Status == ChallengeStatus.Accepted
                            join o in db.Organizations on c.OrganizationId equals o.Id
                            orderby c.SubmittedAt
                            select new Candidate(c.Id, c.Title, o.Name)).Take(200).ToListAsync(cancellationToken);
        return true;
    }
}
