using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Resources;

namespace Tsunagari.Features.Funds.Sib;

/// <summary>An admin of the outcome payer or of the intermediary writes a contract as a draft; its terms stay editable until it is concluded.</summary>
[Authorize]
public sealed class NewSibModel(AppDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    [BindProperty]
    public SibInput Input { get; set; } = new();

    public IReadOnlyList<(Guid Id, string Name)> Administered { get; private set; } = [];
    public SibForm Form => new(Input, ModelState, Administered);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Administered = await SibAccess.AdministeredAsync(db, User, cancellationToken);
        if (Administered.Count == 0) return Forbid();
        Input = new SibInput { Payer = Administered[0].Id.ToString() };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Administered = await SibAccess.AdministeredAsync(db, User, cancellationToken);
        if (Administered.Count == 0) return Forbid();
        var errors = new List<(string Key, string Message)>();
        var details = await Input.ValidateAsync(db, [.. Administered.Select(a => a.Id)], l, errors, cancellationToken);
        if (details is null)
        {
            foreach (var (key, message) in errors) ModelState.AddModelError($"Input.{key}", message);
            return Page();
        }
        var contract = new SibContract(details, SibAccess.AccountId(User), clock.GetUtcNow());
        db.SibContracts.Add(contract);
        await db.SaveChangesAsync(cancellationToken);
        TempData[SibContractModel.MessageKey] = "契約を下書きとして保存しました。内容を確かめてから締結してください。";
        return Redirect($"/sib/{contract.Id}");
    }
}
