using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;
using Tsunagari.Resources;

namespace Tsunagari.Features.ProBono.Projects;

/// <summary>
/// The end of a project: the organization rates the deliverable's usefulness and use, each professional the experience,
/// and both sides see the answers side by side; three months later the organization answers the follow-up.
/// </summary>
[Authorize]
public sealed class EvaluationModel(AppDbContext db, IAuthorizationService authorization, AuditTrail audit, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    private const string MessageKey = "ProBonoEvaluationMessage";

    public sealed record Answer(EvaluationSide Side, string Name, int Rating, DeliverableUse? Use, bool? WouldJoinAgain, string Comment, bool Mine);

    public sealed class EvaluationInput
    {
        public int? Rating { get; set; }
        public DeliverableUse? Use { get; set; }
        public bool? WouldJoinAgain { get; set; }
        public string? Comment { get; set; }
    }

    public sealed class FollowUpInput
    {
        public DeliverableUse? Use { get; set; }
        public string? Comment { get; set; }
    }

    [BindProperty]
    public EvaluationInput Input { get; set; } = new();

    [BindProperty]
    public FollowUpInput FollowUp { get; set; } = new();

    public ProjectAccess Access { get; private set; } = null!;
    public ProBonoProject Project => Access.Project;
    public IReadOnlyList<Answer> Answers { get; private set; } = [];
    public Answer? OrganizationAnswer => Answers.FirstOrDefault(a => a.Side == EvaluationSide.Organization);
    public IEnumerable<Answer> ProfessionalAnswers => Answers.Where(a => a.Side == EvaluationSide.Professional);
    public string? Message { get; private set; }

    /// <summary>The side the viewer answers for, if any: an admin for the organization, a member for themselves.</summary>
    public EvaluationSide? MySide => Access.IsMember ? EvaluationSide.Professional : Access.IsAdmin ? EvaluationSide.Organization : null;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await AccessAsync(id, cancellationToken) is { } missing) return missing;
        if (Access.IsStaffView) await audit.RecordAsync(User, AuditTrail.Actions.ViewPersonalData, null, $"probono evaluation {id}", cancellationToken);
        Message = TempData[MessageKey] as string;
        await LoadAsync(cancellationToken);
        if (Answers.FirstOrDefault(a => a.Mine) is { } mine) Input = new() { Rating = mine.Rating, Use = mine.Use, WouldJoinAgain = mine.WouldJoinAgain, Comment = mine.Comment };
        FollowUp = new() { Use = Project.FollowUpUse, Comment = Project.FollowUpComment };
        return Page();
    }

    public async Task<IActionResult> OnPostEvaluateAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await AccessAsync(id, cancellationToken) is { } missing) return missing;
        if (MySide is not { } side) return Forbid();
        if (Project.Status != ProjectStatus.Completed) ModelState.AddModelError("", l["プロジェクトが完了してから評価できます（ふりかえりのフェーズを完了にしてください）。"]);
        if (Input.Rating is not (>= 1 and <= 5)) ModelState.AddModelError("Input.Rating", l["評価を1から5で選んでください。"]);
        if (side == EvaluationSide.Organization && (Input.Use is not { } use || !Enum.IsDefined(use)))
            ModelState.AddModelError("Input.Use", l["成果物を使っているかどうかを選んでください。"]);
        if (side == EvaluationSide.Professional && Input.WouldJoinAgain is null) ModelState.AddModelError("Input.WouldJoinAgain", l["また参加したいかどうかを選んでください。"]);
        var comment = Input.Comment?.Trim() ?? "";
        if (comment.Length > ProjectEvaluation.MaxCommentLength) ModelState.AddModelError("Input.Comment", l["コメントは{0}文字以内で入力してください。", ProjectEvaluation.MaxCommentLength]);
        if (!ModelState.IsValid) return await ShowAsync(cancellationToken);
        // The organization keeps one evaluation, which any of its admins may revise; each professional keeps their own.
        var existing = await db.ProjectEvaluations.SingleOrDefaultAsync(e => e.ProjectId == id && e.Side == side
            && (side == EvaluationSide.Organization || e.AccountId == Access.AccountId), cancellationToken);
        if (existing is null)
        {
            existing = side == EvaluationSide.Organization ? ProjectEvaluation.ByOrganization(id, Access.AccountId) : ProjectEvaluation.ByProfessional(id, Access.AccountId);
            db.ProjectEvaluations.Add(existing);
        }
        existing.Answer(Access.AccountId, Input.Rating!.Value, Input.Use, Input.WouldJoinAgain, comment, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Done(id, "評価を保存しました。");
    }

    public async Task<IActionResult> OnPostFollowUpAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await AccessAsync(id, cancellationToken) is { } missing) return missing;
        if (!Access.IsAdmin) return Forbid();
        if (Project.FollowUpSentAt is null)
            ModelState.AddModelError("", l["3か月後のアンケートは、完了から3か月たってからお答えいただけます。"]);
        if (FollowUp.Use is not { } use || !Enum.IsDefined(use)) ModelState.AddModelError("FollowUp.Use", l["成果物を使っているかどうかを選んでください。"]);
        var comment = FollowUp.Comment?.Trim() ?? "";
        if (comment.Length > ProjectEvaluation.MaxCommentLength) ModelState.AddModelError("FollowUp.Comment", l["コメントは{0}文字以内で入力してください。", ProjectEvaluation.MaxCommentLength]);
        if (!ModelState.IsValid) return await ShowAsync(cancellationToken);
        Project.AnswerFollowUp(FollowUp.Use!.Value, comment, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Done(id, "アンケートにお答えいただき、ありがとうございました。");
    }

    private async Task<IActionResult?> AccessAsync(Guid id, CancellationToken cancellationToken)
    {
        var access = await ProjectAccess.ForAsync(db, authorization, User, id, cancellationToken);
        if (access is null) return NotFound();
        Access = access;
        return null;
    }

    private RedirectResult Done(Guid id, string message)
    {
        TempData[MessageKey] = message;
        return Redirect(ProjectLinks.Evaluation(id));
    }

    private async Task<PageResult> ShowAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var me = Access.AccountId;
        var answers = await db.ProjectEvaluations.AsNoTracking().Where(e => e.ProjectId == Project.Id)
            .GroupJoin(db.Users, e => e.AccountId, u => u.Id, (e, people) => new { e, people })
            .SelectMany(x => x.people.DefaultIfEmpty(), (x, u) => new { x.e, Name = u == null ? "" : u.DisplayName })
            .ToListAsync(cancellationToken);
        Answers = answers.OrderBy(x => x.e.Side).ThenBy(x => x.e.UpdatedAt)
            .Select(x => new Answer(x.e.Side, x.Name, x.e.Rating, x.e.Use, x.e.WouldJoinAgain, x.e.Comment,
                x.e.Side == EvaluationSide.Organization ? Access.IsAdmin : x.e.AccountId == me)).ToList();
    }
}
