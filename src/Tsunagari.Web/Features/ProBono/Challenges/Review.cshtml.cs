using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Engagement;
using Tsunagari.Resources;

namespace Tsunagari.Features.ProBono.Challenges;

/// <summary>
/// Coordinators' queue: challenges waiting for review (accept, ask for changes, decline with a reason), and accepted
/// challenges waiting for a matching round.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class ReviewModel(AppDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    private const string MessageKey = "ProBonoReviewMessage";

    public sealed record Row(Guid Id, string Title, string OrganizationName, ChallengeStatus Status, string ReviewNote, DateTimeOffset UpdatedAt);

    public sealed record RoundChoice(Guid Id, string Name);

    public IReadOnlyList<Row> Waiting { get; private set; } = [];
    public IReadOnlyList<Row> Accepted { get; private set; } = [];
    public IReadOnlyList<RoundChoice> Rounds { get; private set; } = [];
    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Message = TempData[MessageKey] as string;
        await LoadAsync(cancellationToken);
    }

    public Task<IActionResult> OnPostAcceptAsync(Guid id, string? note, CancellationToken cancellationToken) =>
        DecideAsync(id, note, ChallengeStatus.Accepted, cancellationToken);

    public Task<IActionResult> OnPostRequestChangesAsync(Guid id, string? note, CancellationToken cancellationToken) =>
        DecideAsync(id, note, ChallengeStatus.ChangesRequested, cancellationToken);

    public Task<IActionResult> OnPostDeclineAsync(Guid id, string? note, CancellationToken cancellationToken) =>
        DecideAsync(id, note, ChallengeStatus.Declined, cancellationToken);

    public async Task<IActionResult> OnPostAddToRoundAsync(Guid id, Guid roundId, CancellationToken cancellationToken)
    {
        var challenge = await db.Challenges.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (challenge is null) return NotFound();
        var round = await db.MatchingRounds.SingleOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        if (round is null || round.Status == RoundStatus.Closed)
            return await FailAsync("roundId", l["開いているマッチングの回を選んでください。"], cancellationToken);
        if (challenge.Status != ChallengeStatus.Accepted)
            return await FailAsync("roundId", l["受理した課題だけをマッチングの回に加えられます。"], cancellationToken);
        challenge.AddToRound(round.Id, round.DefaultMinSize, round.DefaultMaxSize, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        TempData[MessageKey] = "課題をマッチングの回に加えました。";
        return RedirectToPage();
    }

    private async Task<IActionResult> DecideAsync(Guid id, string? note, ChallengeStatus decision, CancellationToken cancellationToken)
    {
        var challenge = await db.Challenges.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (challenge is null) return NotFound();
        note = note?.Trim() ?? "";
        if (!challenge.CanReview)
            return await FailAsync("note", l["この課題はすでに審査が終わっています。"], cancellationToken);
        if (note.Length > ProBono.Challenge.MaxNoteLength)
            return await FailAsync("note", l["コメントは{0}文字以内で入力してください。", ProBono.Challenge.MaxNoteLength], cancellationToken);
        if (decision != ChallengeStatus.Accepted && note.Length == 0)
            return await FailAsync("note", decision == ChallengeStatus.Declined ? l["見送りの理由を入力してください。"] : l["修正してほしい内容を入力してください。"], cancellationToken);
        var me = ChallengeAccess.AccountId(User);
        var now = clock.GetUtcNow();
        NotificationKind kind;
        switch (decision)
        {
            case ChallengeStatus.Accepted:
                challenge.Accept(me, note, now);
                kind = NotificationKind.ProBonoChallengeAccepted;
                TempData[MessageKey] = "課題を受理しました。";
                break;
            case ChallengeStatus.ChangesRequested:
                challenge.RequestChanges(me, note, now);
                kind = NotificationKind.ProBonoChangesRequested;
                TempData[MessageKey] = "団体に修正を依頼しました。";
                break;
            default:
                challenge.Decline(me, note, now);
                kind = NotificationKind.ProBonoChallengeDeclined;
                TempData[MessageKey] = "課題を見送りました。";
                break;
        }
        db.Notifications.AddRange(await ProBonoNotices.OrganizationAdminsAsync(db, challenge, kind, note, $"/probono/challenges/{challenge.Id}", now, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage();
    }

    private async Task<IActionResult> FailAsync(string key, string message, CancellationToken cancellationToken)
    {
        ModelState.AddModelError(key, message);
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var rows = await (from c in db.Challenges.AsNoTracking()
                          where c.Status == ChallengeStatus.Submitted || c.Status == ChallengeStatus.Resubmitted
                                || c.Status == ChallengeStatus.ChangesRequested || c.Status == ChallengeStatus.Accepted
                          join o in db.Organizations on c.OrganizationId equals o.Id
                          orderby c.SubmittedAt
                          select new Row(c.Id, c.Title, o.Name, c.Status, c.ReviewNote, c.UpdatedAt)).Take(500).ToListAsync(cancellationToken);
        Waiting = rows.Where(r => r.Status != ChallengeStatus.Accepted).ToList();
        Accepted = rows.Where(r => r.Status == ChallengeStatus.Accepted).ToList();
        Rounds = await db.MatchingRounds.AsNoTracking().Where(r => r.Status != RoundStatus.Closed)
            .OrderByDescending(r => r.CreatedAt).Select(r => new RoundChoice(r.Id, r.Name)).ToListAsync(cancellationToken);
    }
}
