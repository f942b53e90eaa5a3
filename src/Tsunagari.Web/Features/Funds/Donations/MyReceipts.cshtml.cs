using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;

namespace Tsunagari.Features.Funds.Donations;

/// <summary>The donor's receipts by year, each year with its summary.</summary>
[Authorize]
public sealed class MyReceiptsModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<DonationReceipt> Receipts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var me = DonationsAccess.AccountId(User);
        Receipts = await db.DonationReceipts.AsNoTracking().Where(r => r.DonorId == me)
            .OrderByDescending(r => r.Year).ThenBy(r => r.ReceivedOn).ThenBy(r => r.IssuerName).ToListAsync(cancellationToken);
    }
}
