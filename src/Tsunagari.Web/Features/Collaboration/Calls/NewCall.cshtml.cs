using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;
using Tsunagari.Resources;

namespace Tsunagari.Features.Collaboration.Calls;

/// <summary>Staff draft a call of the trial-collaboration scheme; it is public once they open it.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class NewCallModel(AppDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    [BindProperty]
    public CallInput Input { get; set; } = new();

    public IReadOnlyList<CallForm.InitiativeOption> Initiatives { get; private set; } = [];
    public CallForm Form => new(Input, Initiatives, ModelState);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Initiatives = await CallForm.InitiativesAsync(db, cancellationToken);
        Input = new CallInput { Kind = nameof(CallKind.GovernmentProposed) };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Initiatives = await CallForm.InitiativesAsync(db, cancellationToken);
        var errors = new List<(string Key, string Message)>();
        var details = Input.Validate(Initiatives.Select(i => i.Id).ToHashSet(), l, errors);
        if (details is null)
        {
            foreach (var (key, message) in errors) ModelState.AddModelError($"Input.{key}", message);
            return Page();
        }
        var call = new CollaborationCall(details, CollaborationAccess.AccountId(User), clock.GetUtcNow());
        db.CollaborationCalls.Add(call);
        await db.SaveChangesAsync(cancellationToken);
        TempData[CallModel.MessageKey] = "募集を下書きとして保存しました。内容を確かめてから公開してください。";
        return Redirect($"/collaboration/calls/{call.Id}");
    }
}
