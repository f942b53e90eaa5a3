using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Resources;

namespace Tsunagari.Features.Funds.Grants;

/// <summary>
/// A reviewer's review of a submitted application: first the conflict-of-interest declaration (a declared conflict
/// records that the reviewer stands aside, with no scores), otherwise a score per rubric criterion and a comment. A
/// reviewer who belongs to the applying organization is refused whatever they declare; a decided application is not
/// reviewed any more.
/// </summary>
[Authorize]
public sealed class ReviewModel(AppDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    [BindProperty]
    public bool Conflict { get; set; }

    [BindProperty]
    public string? ConflictNote { get; set; }

    [BindProperty]
    public List<string?> Scores { get; set; } = [];

    [BindProperty]
    public string? Comment { get; set; }

    public ApplicationAccess Access { get; private set; } = null!;
    public GrantApplication Application => Access.Application;
    public GrantProgramme Programme => Access.Programme;
    public string OrganizationName { get; private set; } = "";

    /// <summary>The reviewer belongs to the applying organization: they may not review it.</summary>
    public bool OnApplicantSide { get; private set; }

    public bool IsDecided => Application.Status != GrantApplicationStatus.Submitted;
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused) return refused;
        var review = await db.GrantReviews.AsNoTracking().SingleOrDefaultAsync(r => r.ApplicationId == id && r.ReviewerId == Access.AccountId, cancellationToken);
        if (review is not null)
        {
            Conflict = review.ConflictDeclared;
            ConflictNote = review.ConflictNote;
            Scores = review.Scores.Select(s => (string?)s.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Comment = review.Comment;
        }
        Saved = TempData.ContainsKey(ApplicationModel.MessageKey + "Review");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused) return refused;
        if (OnApplicantSide) ModelState.AddModelError("", l["応募した団体に所属しているため、この応募は審査できません。"]);
        else if (IsDecided) ModelState.AddModelError("", l["結果が決まった応募は審査できません。"]);
        if (!ModelState.IsValid) return Page();
        var scores = new List<int>();
        if (!Conflict)
        {
            for (var i = 0; i < Programme.Criteria.Count; i++)
            {
                var text = i < Scores.Count ? Scores[i] : null;
                if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var score) && score is >= 1 and <= GrantProgramme.MaxScore)
                    scores.Add(score);
                else
                    ModelState.AddModelError($"Scores[{i}]", l["「{0}」を1〜{1}点で評価してください。", Programme.Criteria[i], GrantProgramme.MaxScore]);
            }
        }
        if ((Comment ?? "").Trim().Length > GrantReview.MaxCommentLength) ModelState.AddModelError(nameof(Comment), l["{0}文字以内で入力してください。", GrantReview.MaxCommentLength]);
        if ((ConflictNote ?? "").Trim().Length > GrantReview.MaxCommentLength) ModelState.AddModelError(nameof(ConflictNote), l["{0}文字以内で入力してください。", GrantReview.MaxCommentLength]);
        if (!ModelState.IsValid) return Page();
        var review = await db.GrantReviews.SingleOrDefaultAsync(r => r.ApplicationId == id && r.ReviewerId == Access.AccountId, cancellationToken);
        if (review is null) db.GrantReviews.Add(review = new GrantReview(id, Access.AccountId));
        if (Conflict) review.DeclareConflict(ConflictNote ?? "", clock.GetUtcNow());
        else review.Score(scores, Comment ?? "", clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        TempData[ApplicationModel.MessageKey + "Review"] = "saved";
        return Redirect($"/applications/{id}/review");
    }

    /// <summary>Only the programme's reviewers review; a submitted application's other readers are refused, everyone else finds nothing.</summary>
    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var access = await ApplicationAccess.ForAsync(db, User, id, cancellationToken);
        if (access is null || access.Application.IsDraft) return NotFound();
        if (!access.IsReviewer) return Forbid();
        Access = access;
        OnApplicantSide = await GrantsAccess.IsMemberAsync(db, access.AccountId, access.Application.OrganizationId, cancellationToken);
        OrganizationName = await db.Organizations.AsNoTracking().Where(o => o.Id == access.Application.OrganizationId).Select(o => o.Name).SingleAsync(cancellationToken);
        return null;
    }
}
