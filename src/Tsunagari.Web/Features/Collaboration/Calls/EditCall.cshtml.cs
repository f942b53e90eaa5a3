using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;
using Tsunagari.Resources;

namespace Tsunagari.Features.Collaboration.Calls;

/// <summary>Staff change a call while it is a draft; once open, its terms and rubric are what proposers rely on.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class EditCallModel(AppDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    [BindProperty]
    public CallInput Input { get; set; } = new();

    public CollaborationCall Call { get; private set; } = null!;
    public IReadOnlyList<CallForm.InitiativeOption> Initiatives { get; private set; } = [];
    public CallForm Form => new(Input, Initiatives, ModelState);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } result) return result;
        Input = CallInput.From(Call);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } result) return result;
        var errors = new List<(string Key, string Message)>();
        var details = Input.Validate(Initiatives.Select(i => i.Id).ToHashSet(), l, errors);
        if (details is null)
        {
            foreach (var (key, message) in errors) ModelState.AddModelError($"Input.{key}", message);
            return Page();
        }
        Call.Edit(details, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        TempData[CallModel.MessageKey] = "募集を保存しました。";
        return Redirect($"/collaboration/calls/{id}");
    }

    /// <summary>The call, or 404; an open call is not edited and sends the person back to its page with why.</summary>
    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var call = await db.CollaborationCalls.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (call is null) return NotFound();
        if (!call.CanEdit)
        {
            TempData[CallModel.MessageKey] = "公開した募集の条件と評価基準は変更できません。";
            return Redirect($"/collaboration/calls/{id}");
        }
        Call = call;
        Initiatives = await CallForm.InitiativesAsync(db, cancellationToken);
        return null;
    }
}
