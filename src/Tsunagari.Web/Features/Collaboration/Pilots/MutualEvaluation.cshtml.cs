using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Resources;

namespace Tsunagari.Features.Collaboration.Pilots;

/// <summary>
/// The mutual evaluation of a pilot: each side rates the other and the process on the same questions, once (revisable),
/// and sees the other side's answers beside its own only after giving them, so that neither anchors on the other.
/// </summary>
[Authorize]
public sealed class MutualEvaluationModel(AppDbContext db, IAuthorizationService authorization, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    private const string MessageKey = "CollaborationEvaluationMessage";

    public sealed class EvaluationInput
    {
        public List<int?> Ratings { get; set; } = [];
        public string? Comment { get; set; }
    }

    [BindProperty]
    public EvaluationInput Input { get; set; } = new();

    public PilotWork Work { get; private set; } = null!;
    public CollaborationPilot Pilot => Work.Pilot;
    public PilotAccess Access => Work.Access;
    public CollaborationProposal Proposal => Access.Proposal;
    public PilotEvaluation? Mine { get; private set; }
    public PilotEvaluation? Theirs { get; private set; }
    public string? Message { get; private set; }

    public AgreementParty OtherSide => Access.Side == AgreementParty.Government ? AgreementParty.Partner : AgreementParty.Government;

    /// <summary>The evaluation of a side, shown by the table's columns in the order 行政, 提案者.</summary>
    public PilotEvaluation? Of(AgreementParty side) => side == Access.Side ? Mine : Theirs;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await WorkAsync(id, cancellationToken) is { } missing) return missing;
        Message = TempData[MessageKey] as string;
        await LoadAsync(cancellationToken);
        if (Mine is { } mine) Input = new() { Ratings = mine.Ratings.Select(r => (int?)r).ToList(), Comment = mine.Comment };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await WorkAsync(id, cancellationToken) is { } missing) return missing;
        if (!await Access.MayWriteAsync(authorization, User)) return CollaborationAccess.Refusal(this);
        var questions = PilotEvaluation.Questions;
        for (var i = 0; i < questions.Count; i++)
        {
            if (Input.Ratings.ElementAtOrDefault(i) is not (>= 1 and <= 5))
                ModelState.AddModelError($"Input.Ratings[{i}]", l["「{0}」を1から5で選んでください。", l[questions[i]]]);
        }
        var comment = Input.Comment?.Trim() ?? "";
        if (comment.Length > PilotEvaluation.MaxCommentLength)
            ModelState.AddModelError("Input.Comment", l["コメントは{0}文字以内で入力してください。", PilotEvaluation.MaxCommentLength]);
        if (!ModelState.IsValid) return await ShowAsync(cancellationToken);
        // One evaluation per side: any person of the side may revise it.
        var side = Access.Side;
        var evaluation = await db.PilotEvaluations.SingleOrDefaultAsync(e => e.PilotId == id && e.Side == side, cancellationToken);
        if (evaluation is null)
        {
            evaluation = new PilotEvaluation(id, side);
            db.PilotEvaluations.Add(evaluation);
        }
        evaluation.Answer(Input.Ratings.Take(questions.Count).Select(r => r!.Value).ToList(), comment, Access.AccountId, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        TempData[MessageKey] = "評価を保存しました。";
        return Redirect(PilotLinks.Evaluation(id));
    }

    private async Task<IActionResult?> WorkAsync(Guid id, CancellationToken cancellationToken)
    {
        var work = await PilotWork.ForAsync(db, User, id, cancellationToken);
        if (work is null) return NotFound();
        Work = work;
        return null;
    }

    private async Task<PageResult> ShowAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var answers = (await db.PilotEvaluations.AsNoTracking().Where(e => e.PilotId == Pilot.Id).ToListAsync(cancellationToken))
            .Where(e => e.Ratings.Count > 0).ToList();
        Mine = answers.SingleOrDefault(e => e.Side == Access.Side);
        Theirs = answers.SingleOrDefault(e => e.Side == OtherSide);
    }
}
