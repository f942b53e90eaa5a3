using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Resources;

namespace Tsunagari.Features.Funds.Sib;

/// <summary>The payer's or the intermediary's admins change a draft's terms; a concluded contract's terms are fixed.</summary>
[Authorize]
public sealed class EditSibModel(AppDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public SibInput Input { get; set; } = new();

    public SibContract Contract { get; private set; } = null!;
    public IReadOnlyList<(Guid Id, string Name)> Administered { get; private set; } = [];
    public SibForm Form => new(Input, ModelState, Administered);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, tracking: false, cancellationToken) is { } refused) return refused;
        Input = SibInput.From(Contract);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, tracking: true, cancellationToken) is { } refused) return refused;
        var errors = new List<(string Key, string Message)>();
        var details = await Input.ValidateAsync(db, [.. Administered.Select(a => a.Id)], l, errors, cancellationToken);
        if (details is null)
        {
            foreach (var (key, message) in errors) ModelState.AddModelError($"Input.{key}", message);
            return Page();
        }
        Contract.Update(details);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", l["ほかの人が同時にこの契約を変えました。ページを開き直してください。"]);
            return Page();
        }
        TempData[SibContractModel.MessageKey] = "契約の条件を保存しました。";
        return Redirect($"/sib/{id}");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, bool tracking, CancellationToken cancellationToken)
    {
        var access = await SibAccess.LoadAsync(db, User, id, cancellationToken, tracking);
        if (access is null) return NotFound();
        if (!access.CanEdit) return Forbid();
        Contract = access.Contract;
        Administered = await SibAccess.AdministeredAsync(db, User, cancellationToken);
        if (Contract.Status != SibContractStatus.Draft)
        {
            TempData[SibContractModel.MessageKey] = "締結した契約の条件は変えられません。";
            return Redirect($"/sib/{id}");
        }
        return null;
    }
}
