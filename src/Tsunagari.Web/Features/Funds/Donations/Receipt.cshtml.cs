using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;

namespace Tsunagari.Features.Funds.Donations;

/// <summary>
/// A receipt as an A4 page to print. Its content never changes; a donor who prints it again asks for a reissue, which
/// keeps the number and marks the page 再発行 with the date. There is no way to edit it.
/// </summary>
[Authorize]
public sealed class ReceiptModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public DonationReceipt Receipt { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } receipt) return NotFound();
        Receipt = receipt;
        return Page();
    }

    public async Task<IActionResult> OnPostReissueAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken, tracking: true) is not { } receipt) return NotFound();
        receipt.Reissue(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage();
    }

    private Task<DonationReceipt?> FindAsync(Guid id, CancellationToken cancellationToken, bool tracking = false)
    {
        var me = DonationsAccess.AccountId(User);
        var receipts = tracking ? db.DonationReceipts : db.DonationReceipts.AsNoTracking();
        return receipts.SingleOrDefaultAsync(r => r.Id == id && r.DonorId == me, cancellationToken);
    }
}
