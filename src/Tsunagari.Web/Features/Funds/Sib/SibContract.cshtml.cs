using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Resources;

namespace Tsunagari.Features.Funds.Sib;

/// <summary>A contract: its parties, investors, cap, fixed payment and outcome-linked payments with the payer's worst case; its writers conclude it.</summary>
[Authorize]
public sealed class SibContractModel(AppDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    public const string MessageKey = "SibMessage";

    public SibAccess Access { get; private set; } = null!;
    public SibContract Contract => Access.Contract;
    public SibSettlementResult Settlement { get; private set; } = null!;
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var access = await SibAccess.LoadAsync(db, User, id, cancellationToken);
        if (access is null) return NotFound();
        Show(access);
        Message = TempData[MessageKey] as string;
        return Page();
    }

    /// <summary>Fixes the terms and records every investment on the ledger; asks for a confirmation, as it cannot be undone.</summary>
    public async Task<IActionResult> OnPostConcludeAsync(Guid id, bool confirm, CancellationToken cancellationToken)
    {
        var access = await SibAccess.LoadAsync(db, User, id, cancellationToken, tracking: true);
        if (access is null) return NotFound();
        if (!access.CanEdit) return Forbid();
        if (access.Contract.Status != SibContractStatus.Draft) return Done(id, "この契約はすでに締結されています。");
        if (!confirm)
        {
            Show(access);
            ModelState.AddModelError("confirm", l["締結すると条件を変えられなくなります。確認のチェックを入れてください。"]);
            return Page();
        }
        var now = clock.GetUtcNow();
        access.Contract.Conclude(now);
        db.LedgerEntries.AddRange(SibLedger.Investments(access.Contract, access.Name, now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Done(id, "ほかの人が同時にこの契約を変えました。ページを開き直してください。");
        }
        return Done(id, "契約を締結しました。出資を台帳に記録しました。");
    }

    private void Show(SibAccess access)
    {
        Access = access;
        Settlement = SibSettlement.Settle(access.Contract.Terms, access.Contract.Results);
    }

    private RedirectResult Done(Guid id, string message)
    {
        TempData[MessageKey] = message;
        return Redirect($"/sib/{id}");
    }
}
