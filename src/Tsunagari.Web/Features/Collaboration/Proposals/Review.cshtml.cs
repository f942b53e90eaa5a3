using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Resources;

namespace Tsunagari.Features.Collaboration.Proposals;

/// <summary>
/// A reviewer's review of one submitted proposal while the call is under review: first the declaration of conflicts of
/// interest, then (without one) a score for each criterion of the rubric and a comment, which they may change until the
/// proposal is decided. Someone on the proposing side (the proposer, an admin or member of the proposing organization or
/// of a co-proposer) is refused whatever they declare. Only the call's reviewers find this page.
/// </summary>
[Authorize]
public sealed class ReviewModel(AppDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    public sealed class DeclarationInput
    {
        /// <summary>"none" or "conflict".</summary>
        public string? Conflict { get; set; }

        public string? Note { get; set; }
    }

    public sealed class ScoreInput
    {
        public List<string?> Scores { get; set; } = [];
        public string? Comment { get; set; }
    }

    [BindProperty]
    public DeclarationInput Declaration { get; set; } = new();

    [BindProperty]
    public ScoreInput Scoring { get; set; } = new();

    public CollaborationProposal Proposal { get; private set; } = null!;
    public CollaborationCall Call { get; private set; } = null!;
    public ProposalReview? Review { get; private set; }
    public string? OrganizationName { get; private set; }

    /// <summary>The reviewer is on the proposing side: they may not review it.</summary>
    public bool OnProposingSide { get; private set; }

    public string? Message { get; private set; }

    public bool IsReviewing => Call.Status == CallStatus.Reviewing;

    public bool CanScore => IsReviewing && !OnProposingSide && Review is { Conflicted: false } && Proposal.Status == ProposalStatus.Submitted;

    public string? Score(int index) => index < Scoring.Scores.Count ? Scoring.Scores[index] : null;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } missing) return missing;
        Message = TempData[ProposalModel.MessageKey] as string;
        if (Review is { IsScored: true } review)
            Scoring = new ScoreInput { Scores = review.Scores.Select(s => (string?)s.ToString(CultureInfo.InvariantCulture)).ToList(), Comment = review.Comment };
        return Page();
    }

    public async Task<IActionResult> OnPostDeclareAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } missing) return missing;
        var note = Declaration.Note?.Trim() ?? "";
        if (Refusal() is { } refusal) ModelState.AddModelError("", refusal);
        else if (Review is not null) ModelState.AddModelError("", l["利益相反の申告はすでに済んでいます。"]);
        else if (Declaration.Conflict is not ("none" or "conflict")) ModelState.AddModelError("Declaration.Conflict", l["利益相反の有無を選んでください。"]);
        else if (Declaration.Conflict == "conflict" && note.Length == 0) ModelState.AddModelError("Declaration.Note", l["利益相反の内容を入力してください。"]);
        else if (note.Length > ProposalReview.MaxCommentLength)
            ModelState.AddModelError("Declaration.Note", l["{0}は{1}文字以内で入力してください。", l["利益相反の内容"], ProposalReview.MaxCommentLength]);
        if (!ModelState.IsValid) return Page();
        var conflicted = Declaration.Conflict == "conflict";
        db.ProposalReviews.Add(new ProposalReview(id, CollaborationAccess.AccountId(User), conflicted, conflicted ? note : "", clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return Done(id, conflicted ? "利益相反を申告しました。この提案は採点しません。" : "利益相反なしと申告しました。採点してください。");
    }

    public async Task<IActionResult> OnPostScoreAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } missing) return missing;
        if (Refusal() is { } refusal) ModelState.AddModelError("", refusal);
        else if (Review is null) ModelState.AddModelError("", l["先に利益相反の有無を申告してください。"]);
        else if (Review.Conflicted) ModelState.AddModelError("", l["利益相反を申告したため、この提案は採点できません。"]);
        if (!ModelState.IsValid) return Page();
        var rubric = Call.Criteria.OrderBy(c => c.Number).ToList();
        var scores = new List<int>();
        if (Scoring.Scores.Count > rubric.Count) ModelState.AddModelError("Scoring.Scores", l["評価基準にない点数が送られました。"]);
        for (var i = 0; i < rubric.Count; i++)
        {
            if (int.TryParse(Score(i)?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var score) && score >= 0 && score <= rubric[i].MaxScore)
                scores.Add(score);
            else ModelState.AddModelError($"Scoring.Scores[{i}]", l["「{0}」の点数は0から{1}までの整数で入力してください。", rubric[i].Name, rubric[i].MaxScore]);
        }
        var comment = Scoring.Comment?.Trim() ?? "";
        if (comment.Length > ProposalReview.MaxCommentLength)
            ModelState.AddModelError("Scoring.Comment", l["{0}は{1}文字以内で入力してください。", l["コメント"], ProposalReview.MaxCommentLength]);
        if (!ModelState.IsValid) return Page();
        Review!.Score(rubric, scores, comment, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Done(id, "採点を保存しました。決定までは変更できます。");
    }

    /// <summary>Why this reviewer may not review this proposal now, or null.</summary>
    private string? Refusal()
    {
        if (OnProposingSide) return l["自分自身の提案や、利害関係のある団体（所属する団体・共同提案者）の提案は審査できません。"];
        if (!IsReviewing) return l["審査中の募集の提案だけを審査できます。"];
        if (Proposal.Status != ProposalStatus.Submitted) return l["決定済みの提案の採点は変更できません。"];
        return null;
    }

    /// <summary>The proposal for one of its call's reviewers, or 404 (for everyone else, and for a draft).</summary>
    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var me = CollaborationAccess.AccountId(User);
        var proposal = await db.CollaborationProposals.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (proposal is null || proposal.Status == ProposalStatus.Draft) return NotFound();
        if (!await db.CallReviewers.AsNoTracking().AnyAsync(r => r.CallId == proposal.CallId && r.AccountId == me, cancellationToken)) return NotFound();
        Proposal = proposal;
        Call = await db.CollaborationCalls.AsNoTracking().SingleAsync(c => c.Id == proposal.CallId, cancellationToken);
        Review = await db.ProposalReviews.SingleOrDefaultAsync(r => r.ProposalId == id && r.ReviewerId == me, cancellationToken);
        OnProposingSide = await ProposalAccess.IsOnProposingSideAsync(db, proposal, me, cancellationToken);
        OrganizationName = proposal.OrganizationId is { } organization
            ? await db.Organizations.AsNoTracking().Where(o => o.Id == organization).Select(o => o.Name).SingleOrDefaultAsync(cancellationToken)
            : null;
        return null;
    }

    private RedirectResult Done(Guid id, string message)
    {
        TempData[ProposalModel.MessageKey] = message;
        return Redirect($"/collaboration/proposals/{id}/review");
    }
}
