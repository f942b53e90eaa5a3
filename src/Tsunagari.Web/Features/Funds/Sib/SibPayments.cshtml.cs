using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Resources;

namespace Tsunagari.Features.Funds.Sib;

/// <summary>
/// The payments of a concluded contract: each line as the results price it, the outcome payer's admins approving them
/// one by one (a transfer from the payer to the intermediary, never past the cap), and the intermediary's admins
/// distributing what was approved to the investors pro rata, with each investor's return.
/// </summary>
[Authorize]
public sealed class SibPaymentsModel(AppDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    public SibAccess Access { get; private set; } = null!;
    public SibContract Contract => Access.Contract;
    public SibSettlementResult Settlement { get; private set; } = null!;
    public string? Message { get; private set; }
    public int? FailedLine { get; private set; }

    /// <summary>What a distribution now would give each investor (in contract order).</summary>
    public IReadOnlyList<decimal> Preview { get; private set; } = [];

    private const string Conflict = "ほかの人が同時にこの契約を変えました。もう一度確かめてください。";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var access = await SibAccess.LoadAsync(db, User, id, cancellationToken);
        if (access is null) return NotFound();
        Show(access);
        Message = TempData[SibContractModel.MessageKey] as string;
        return Page();
    }

    /// <summary>What a line may be paid now: the fixed payment, or what its result earns, cut at what the cap leaves.</summary>
    public decimal Payable(SibContract contract, int line)
    {
        ArgumentNullException.ThrowIfNull(contract);
        var earned = line == 0 ? contract.FixedPayment
            : contract.Outcomes.Single(o => o.Number == line) is { Result: { } r } o ? o.Rule.Earn(r) : 0m;
        return SibSettlement.Payable(earned, contract.Cap, contract.Paid);
    }

    public async Task<IActionResult> OnPostApproveAsync(Guid id, int? line, bool confirm, CancellationToken cancellationToken)
    {
        var access = await SibAccess.LoadAsync(db, User, id, cancellationToken, tracking: true);
        if (access is null) return NotFound();
        if (!access.CanApprove) return Forbid();
        var contract = access.Contract;
        Show(access);
        FailedLine = line;
        if (Refusal(contract, line, confirm) is { } refusal)
        {
            ModelState.AddModelError("line", refusal);
            return Page();
        }
        var amount = Payable(contract, line!.Value);
        var payment = contract.Approve(line.Value, amount, SibAccess.AccountId(User), clock.GetUtcNow());
        var name = line == 0 ? "固定支払" : contract.Outcomes.Single(o => o.Number == line).Indicator;
        db.LedgerEntries.AddRange(SibLedger.Payment(contract, payment, name, access.Name));
        if (!await SavedAsync(cancellationToken)) return Done(id, Conflict);
        return Done(id, "支払を承認しました。支払額を台帳に記録しました。");
    }

    public async Task<IActionResult> OnPostDistributeAsync(Guid id, bool confirm, CancellationToken cancellationToken)
    {
        var access = await SibAccess.LoadAsync(db, User, id, cancellationToken, tracking: true);
        if (access is null) return NotFound();
        if (!access.CanDistribute) return Forbid();
        var contract = access.Contract;
        Show(access);
        if (contract.Paid - contract.Distributed <= 0)
        {
            ModelState.AddModelError("distribute", l["償還できる承認済みの支払がありません。"]);
            return Page();
        }
        if (!confirm)
        {
            ModelState.AddModelError("distribute", l["償還は取り消せません。確認のチェックを入れてください。"]);
            return Page();
        }
        var shares = contract.Distribute(SibAccess.AccountId(User), clock.GetUtcNow());
        db.LedgerEntries.AddRange(shares.SelectMany(s => SibLedger.Distribution(contract, s, access.Name)));
        if (!await SavedAsync(cancellationToken)) return Done(id, Conflict);
        return Done(id, "出資者へ出資割合に応じて償還しました。償還額を台帳に記録しました。");
    }

    private string? Refusal(SibContract contract, int? line, bool confirm)
    {
        if (contract.Status != SibContractStatus.Concluded) return l["支払は契約の締結後に承認できます。"];
        if (line is not { } n || (n == 0 ? contract.FixedPayment == 0 : contract.Outcomes.All(o => o.Number != n))) return l["承認する支払を選んでください。"];
        if (contract.PaymentFor(n) is not null) return l["この支払はすでに承認されています。"];
        if (n > 0 && contract.Outcomes.Single(o => o.Number == n).Result is null) return l["評価機関が結果を入力してから承認できます。"];
        if (!confirm) return l["承認は取り消せません。確認のチェックを入れてください。"];
        return null;
    }

    private async Task<bool> SavedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Someone approved or distributed at the same moment (the contract's version or a unique index refused this save).
            return false;
        }
    }

    private void Show(SibAccess access)
    {
        Access = access;
        var contract = access.Contract;
        Settlement = SibSettlement.Settle(contract.Terms, contract.Results);
        var left = contract.Paid - contract.Distributed;
        Preview = left > 0 && contract.Investors.Count > 0 ? Yen.Allocate(left, [.. contract.Investors.OrderBy(i => i.Number).Select(i => i.Amount)]) : [];
    }

    private RedirectResult Done(Guid id, string message)
    {
        TempData[SibContractModel.MessageKey] = message;
        return Redirect($"/sib/{id}/payments");
    }
}
