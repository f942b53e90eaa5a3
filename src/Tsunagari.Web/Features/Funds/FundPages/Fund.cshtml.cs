using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.Funds.Grants;

namespace Tsunagari.Features.Funds.FundPages;

/// <summary>A fund's public page: its purpose, holder, what it holds, its programmes (drafts only to its admins) and the way to give to it.</summary>
public sealed class FundModel(AppDbContext db) : PageModel
{
    public sealed record ProgrammeRow(Guid Id, string Title, GrantProgrammeStatus Status, DateOnly ClosesOn, decimal Budget);

    public Fund Fund { get; private set; } = null!;
    public string HolderName { get; private set; } = "";
    public decimal Balance { get; private set; }
    public decimal Granted { get; private set; }
    public bool IsAdmin { get; private set; }
    public IReadOnlyList<ProgrammeRow> Programmes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var fund = await db.Funds.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (fund is null) return NotFound();
        Fund = fund;
        HolderName = await db.Organizations.AsNoTracking().Where(o => o.Id == fund.HolderOrganizationId).Select(o => o.Name).SingleAsync(cancellationToken);
        IsAdmin = await GrantsAccess.IsAdminAsync(db, GrantsAccess.AccountId(User), fund.HolderOrganizationId, cancellationToken);
        Balance = await GrantsAccess.BalanceAsync(db, id, cancellationToken);
        var paid = await db.LedgerEntries.AsNoTracking()
            .Where(e => e.Owner == LedgerOwner.Fund && e.OwnerId == id && e.Kind == LedgerEntryKind.Grant && e.Flow == LedgerFlow.Out)
            .Select(e => e.Amount).ToListAsync(cancellationToken);
        Granted = paid.Sum();
        Programmes = await db.GrantProgrammes.AsNoTracking()
            .Where(p => p.FundId == id && (IsAdmin || p.Status != GrantProgrammeStatus.Draft))
            .OrderByDescending(p => p.ClosesOn)
            .Select(p => new ProgrammeRow(p.Id, p.Title, p.Status, p.ClosesOn, p.Budget)).ToListAsync(cancellationToken);
        return Page();
    }
}
