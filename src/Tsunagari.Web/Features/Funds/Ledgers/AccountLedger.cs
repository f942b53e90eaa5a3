using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tsunagari.Features.Accounts;

namespace Tsunagari.Features.Funds.Ledgers;

/// <summary>What the organization's and the fund's ledger pages share: the access check, the audit, the year and the statement.</summary>
public abstract class AccountLedger(LedgerStatements statements, AuditTrail audit, TimeProvider clock) : PageModel
{
    /// <summary>The fiscal year shown; null for every year (the account's balance).</summary>
    [BindProperty(SupportsGet = true, Name = "year")]
    public int? Year { get; set; }

    public string AccountName { get; private set; } = "";
    public Statement Statement { get; private set; } = null!;
    public FiscalYear? ShownYear { get; private set; }
    public FiscalYear CurrentYear { get; private set; }

    protected async Task<IActionResult> ShowAsync(LedgerAccess.Reader? reader, LedgerAccount account, CancellationToken cancellationToken)
    {
        if (reader is null) return NotFound();
        if (reader.IsStaffOnly)
            await audit.RecordAsync(User, AuditTrail.Actions.ViewPersonalData, null, $"ledger of {account.Owner} {account.OwnerId}", cancellationToken);
        AccountName = reader.AccountName;
        CurrentYear = FiscalYear.Of(Platform.JapanTime.Date(clock.GetUtcNow()));
        // A year outside the platform's range shows every year rather than an error: the selector offers only valid ones.
        ShownYear = Year is >= FiscalYear.First and <= FiscalYear.Last ? new FiscalYear(Year.Value) : null;
        Statement = await statements.ForAsync(account, ShownYear, cancellationToken);
        return Page();
    }
}
