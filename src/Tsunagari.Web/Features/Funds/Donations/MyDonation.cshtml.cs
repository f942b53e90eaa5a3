using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;

namespace Tsunagari.Features.Funds.Donations;

/// <summary>One of the donor's donations: how to pay it (the account and the reference) and whether it has been received.</summary>
[Authorize]
public sealed class MyDonationModel(AppDbContext db) : PageModel
{
    public Donation Donation { get; private set; } = null!;
    public DonationPlan? Plan { get; private set; }
    public DonationDestinations.Found? Found { get; private set; }
    public DonationSettings? Settings { get; private set; }
    public Guid? ReceiptId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var me = DonationsAccess.AccountId(User);
        if (await db.Donations.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id && d.DonorId == me, cancellationToken) is not { } donation) return NotFound();
        Donation = donation;
        Plan = donation.PlanId is { } planId ? await db.DonationPlans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId, cancellationToken) : null;
        var (target, targetId) = donation.Target switch
        {
            DonationTarget.Campaign => ("campaign", donation.CampaignId!.Value),
            DonationTarget.Fund => ("fund", donation.FundId!.Value),
            _ => ("organization", donation.OrganizationId),
        };
        Found = await DonationDestinations.FindAsync(db, target, targetId, DateOnly.MinValue, cancellationToken);
        Settings = await db.DonationSettings.AsNoTracking().SingleOrDefaultAsync(s => s.OrganizationId == donation.OrganizationId, cancellationToken);
        ReceiptId = await db.DonationReceipts.Where(r => r.DonationId == id).Select(r => (Guid?)r.Id).SingleOrDefaultAsync(cancellationToken);
        return Page();
    }
}
