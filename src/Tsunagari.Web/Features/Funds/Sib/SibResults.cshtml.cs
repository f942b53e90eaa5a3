using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Features.ImpactEvaluation.SroiMaps;
using Tsunagari.Resources;

namespace Tsunagari.Features.Funds.Sib;

/// <summary>
/// The measured results of a concluded contract. Everyone who sees the contract sees them; only the independent
/// evaluator's members enter or correct one, until the payer approves its payment (then it is what was paid for).
/// </summary>
[Authorize]
public sealed class SibResultsModel(AppDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    public SibAccess Access { get; private set; } = null!;
    public SibContract Contract => Access.Contract;
    public SibSettlementResult Settlement { get; private set; } = null!;
    public string? Message { get; private set; }

    /// <summary>The outcome a failed entry was for, so that its form shows what was typed with the message.</summary>
    public int? FailedNumber { get; private set; }

    [BindProperty]
    public int Number { get; set; }

    [BindProperty]
    public string? Result { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var access = await SibAccess.LoadAsync(db, User, id, cancellationToken);
        if (access is null) return NotFound();
        Show(access);
        Message = TempData[SibContractModel.MessageKey] as string;
        return Page();
    }

    public async Task<IActionResult> OnPostRecordAsync(Guid id, CancellationToken cancellationToken)
    {
        var access = await SibAccess.LoadAsync(db, User, id, cancellationToken, tracking: true);
        if (access is null) return NotFound();
        if (!access.CanEnterResults) return Forbid();
        var contract = access.Contract;
        Show(access);
        FailedNumber = Number;
        var outcome = contract.Outcomes.SingleOrDefault(o => o.Number == Number);
        if (outcome is null)
        {
            ModelState.AddModelError(nameof(Number), l["結果を入力する成果連動支払を選んでください。"]);
            return Page();
        }
        if (contract.Status != SibContractStatus.Concluded)
        {
            ModelState.AddModelError(nameof(Result), l["結果は契約の締結後に入力できます。"]);
            return Page();
        }
        if (contract.PaymentFor(outcome.Number) is not null)
        {
            ModelState.AddModelError(nameof(Result), l["この成果の支払は承認済みのため、結果は変えられません。"]);
            return Page();
        }
        if (!SroiNumber.TryParse(Result, out var result) || Math.Abs(result) > SibSettlement.MaxMagnitude || result != Math.Round(result, 4))
        {
            ModelState.AddModelError(nameof(Result), l["測定結果は数値で入力してください（例：72.5、小数は4桁まで）。"]);
            return Page();
        }
        var note = (Note ?? "").Trim();
        if (note.Length > SibOutcome.MaxNoteLength)
        {
            ModelState.AddModelError(nameof(Note), l["{0}は{1}文字以内にしてください。", l["測定の根拠・メモ"], SibOutcome.MaxNoteLength]);
            return Page();
        }
        contract.RecordResult(outcome, result, note, SibAccess.AccountId(User), clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(nameof(Result), l["ほかの人が同時にこの契約を変えました。ページを開き直してください。"]);
            return Page();
        }
        TempData[SibContractModel.MessageKey] = "測定結果を記録しました。";
        return Redirect($"/sib/{id}/results");
    }

    private void Show(SibAccess access)
    {
        Access = access;
        Settlement = SibSettlement.Settle(access.Contract.Terms, access.Contract.Results);
    }
}
