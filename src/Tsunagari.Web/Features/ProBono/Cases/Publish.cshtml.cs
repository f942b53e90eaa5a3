using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Features.ProBono.Projects;
using Tsunagari.Resources;

namespace Tsunagari.Features.ProBono.Cases;

/// <summary>
/// The organization's admin consents to show a completed project in the public case library, with a short summary and
/// whether the deliverables' links are shown, and may withdraw the consent at any time (the case is then gone at once).
/// Only the organization's admins decide: the team and coordinators are refused, anyone else gets a 404.
/// </summary>
[Authorize]
public sealed class PublishModel(AppDbContext db, IAuthorizationService authorization, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    private const string MessageKey = "ProBonoCaseMessage";

    public sealed class CaseInput
    {
        public string? Problem { get; set; }
        public string? Made { get; set; }
        public string? Result { get; set; }
        public bool ShowLinks { get; set; }
        public bool Consent { get; set; }
    }

    [BindProperty]
    public CaseInput Input { get; set; } = new();

    public ProjectAccess Access { get; private set; } = null!;
    public ProBonoProject Project => Access.Project;
    public bool Published { get; private set; }
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await AdminAsync(id, cancellationToken) is { } refused) return refused;
        Message = TempData[MessageKey] as string;
        var existing = await db.ProBonoCases.AsNoTracking().SingleOrDefaultAsync(c => c.ProjectId == id, cancellationToken);
        Published = existing is not null;
        if (existing is not null)
            Input = new CaseInput { Problem = existing.Problem, Made = existing.Made, Result = existing.Result, ShowLinks = existing.ShowLinks, Consent = true };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await AdminAsync(id, cancellationToken) is { } refused) return refused;
        var existing = await db.ProBonoCases.SingleOrDefaultAsync(c => c.ProjectId == id, cancellationToken);
        Published = existing is not null;
        if (Project.Status != ProjectStatus.Completed)
            ModelState.AddModelError("", l["事例集には、完了したプロジェクトだけを掲載できます。"]);
        Check(Input.Problem, "Input.Problem", "どんな課題があったかを入力してください。");
        Check(Input.Made, "Input.Made", "チームがつくったものを入力してください。");
        Check(Input.Result, "Input.Result", "その結果を入力してください。");
        if (!Input.Consent) ModelState.AddModelError("Input.Consent", l["事例集への掲載に同意する場合は、チェックを入れてください。"]);
        if (!ModelState.IsValid) return Page();
        var now = clock.GetUtcNow();
        if (existing is null)
            db.ProBonoCases.Add(new ProBonoCase(Project, Input.Problem!, Input.Made!, Input.Result!, Input.ShowLinks, Access.AccountId, now));
        else
            existing.Edit(Project, Input.Problem!, Input.Made!, Input.Result!, Input.ShowLinks, Access.AccountId, now);
        await db.SaveChangesAsync(cancellationToken);
        return Done(id, existing is null ? "事例集に掲載しました。" : "事例の内容を更新しました。");
    }

    /// <summary>The consent withdrawn: the case is deleted, so the library no longer has it from this moment.</summary>
    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await AdminAsync(id, cancellationToken) is { } refused) return refused;
        var removed = await db.ProBonoCases.Where(c => c.ProjectId == id).ExecuteDeleteAsync(cancellationToken);
        return Done(id, removed > 0 ? "掲載の同意を取り下げました。事例集から削除しました。" : "この事例は掲載されていません。");
    }

    private void Check(string? text, string key, string empty)
    {
        var value = text?.Trim() ?? "";
        if (value.Length == 0) ModelState.AddModelError(key, l[empty]);
        else if (value.Length > ProBonoCase.MaxTextLength) ModelState.AddModelError(key, l["各項目は{0}文字以内で入力してください。", ProBonoCase.MaxTextLength]);
    }

    /// <summary>The organization decides what is said about it: its admins only; the team and coordinators are refused.</summary>
    private async Task<IActionResult?> AdminAsync(Guid id, CancellationToken cancellationToken)
    {
        var access = await ProjectAccess.ForAsync(db, authorization, User, id, cancellationToken);
        if (access is null) return NotFound();
        Access = access;
        return access.IsAdmin ? null : Forbid();
    }

    private RedirectResult Done(Guid id, string message)
    {
        TempData[MessageKey] = message;
        return Redirect(ProjectLinks.Case(id));
    }
}
