using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Platform;
using Tsunagari.Resources;

namespace Tsunagari.Features.Funds.Grants;

/// <summary>An admin of an organization starts a draft application for it; answers, attachments and submission are on the application's page.</summary>
[Authorize]
public sealed class ApplyModel(AppDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    [BindProperty]
    public string? OrganizationId { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    public GrantProgramme Programme { get; private set; } = null!;
    public IReadOnlyList<GrantsAccess.OrganizationOption> Organizations { get; private set; } = [];
    public bool TakesApplications { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } missing) return missing;
        if (!TakesApplications)
        {
            ModelState.AddModelError("", l["このプログラムはいま応募を受け付けていません。"]);
            return Page();
        }
        var organization = Organizations.FirstOrDefault(o => o.Id.ToString() == OrganizationId);
        if (organization is null) ModelState.AddModelError(nameof(OrganizationId), l["応募する団体は、あなたが管理者を務める団体から選んでください。"]);
        var title = (Title ?? "").Trim();
        if (title.Length == 0) ModelState.AddModelError(nameof(Title), l["事業の名前を入力してください。"]);
        else if (title.Length > GrantApplication.MaxTitleLength) ModelState.AddModelError(nameof(Title), l["{0}文字以内で入力してください。", GrantApplication.MaxTitleLength]);
        if (!ModelState.IsValid) return Page();
        var application = new GrantApplication(id, organization!.Id, GrantsAccess.AccountId(User), title, clock.GetUtcNow())
        {
            Answers = Programme.Questions.Select(_ => "").ToList(),
        };
        db.GrantApplications.Add(application);
        await db.SaveChangesAsync(cancellationToken);
        TempData[ApplicationModel.MessageKey] = "応募を下書きとして保存しました。質問に答え、資料を添付してから提出してください。";
        return Redirect($"/applications/{application.Id}");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var programme = await db.GrantProgrammes.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (programme is null || programme.Status == GrantProgrammeStatus.Draft) return NotFound();
        Programme = programme;
        TakesApplications = programme.TakesApplications(JapanTime.Date(clock.GetUtcNow()));
        Organizations = await GrantsAccess.AdministeredAsync(db, GrantsAccess.AccountId(User), cancellationToken);
        return null;
    }
}
