using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;

namespace Tsunagari.Features.Funds.Ledgers;

/// <summary>A fund's ledger (基金の台帳): what it received and what it paid out as grants.</summary>
[Authorize]
public sealed class FundLedgerModel(AppDbContext db, LedgerStatements statements, AuditTrail audit, TimeProvider clock)
    : AccountLedger(statements, audit, clock)
{
    public Guid FundId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        FundId = id;
        return await ShowAsync(await LedgerAccess.FundAsync(db, User, id, cancellationToken), LedgerAccount.OfFund(id), cancellationToken);
    }
}
