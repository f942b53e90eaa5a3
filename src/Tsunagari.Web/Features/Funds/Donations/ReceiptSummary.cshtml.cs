using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;

namespace Tsunagari.Features.Funds.Donations;

/// <summary>The donor's year: every receipt of the calendar year (the tax year) with the total per organization, printable.</summary>
[Authorize]
public sealed class ReceiptSummaryModel(AppDbContext db) : PageModel
{
    public int Year { get; private set; }
    public IReadOnlyList<DonationReceipt> Receipts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int year, CancellationToken cancellationToken)
    {
        if (year is < 2000 or > 9999) return NotFound();
        Year = year;
        var me = DonationsAccess.AccountId(User);
        Receipts = await db.DonationReceipts.AsNoTracking().Where(r => r.DonorId == me && r.Year == year)
            .OrderBy(r => r.IssuerName).ThenBy(r => r.ReceivedOn).ToListAsync(cancellationToken);
        return Page();
    }
}
