using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;

namespace Tsunagari.Features.Funds.Ledgers;

/// <summary>An organization's ledger (団体の台帳): money in and out, in-kind gifts, and the volunteer and pro bono time it was given.</summary>
[Authorize]
public sealed class OrganizationLedgerModel(AppDbContext db, LedgerStatements statements, AuditTrail audit, TimeProvider clock)
    : AccountLedger(statements, audit, clock)
{
    public Guid OrganizationId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        OrganizationId = id;
        return await ShowAsync(await LedgerAccess.OrganizationAsync(db, User, id, cancellationToken), LedgerAccount.OfOrganization(id), cancellationToken);
    }
}
