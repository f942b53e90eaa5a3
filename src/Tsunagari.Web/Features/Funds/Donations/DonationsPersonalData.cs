using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;

namespace Tsunagari.Features.Funds.Donations;

/// <summary>
/// A donor's donations, monthly plans and receipts: exported in full. On erasure the plans still running stop (their
/// expected instalments are cancelled) and every donation, plan and receipt loses the account; donations keep the name and
/// address only where a receipt was issued, as the issuer must keep its copy for tax purposes, and the ledger keeps the
/// name it showed (「匿名」 for anonymous gifts), as a ledger is never edited.
/// </summary>
public sealed class DonationsPersonalData(AppDbContext db, TimeProvider clock) : IPersonalData
{
    public string Section => "donations";

    public async Task<object?> ExportAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var donations = await db.Donations.AsNoTracking().Where(d => d.DonorId == accountId).OrderBy(d => d.CreatedAt)
            .Select(d => new
            {
                d.Id,
                Target = d.Target.ToString(),
                d.OrganizationId,
                d.CampaignId,
                d.FundId,
                d.PlanId,
                d.InstalmentMonth,
                d.Reference,
                d.Amount,
                Method = d.Method.ToString(),
                d.Designation,
                d.Anonymous,
                d.NameShownToOrganization,
                d.DonorName,
                d.DonorAddress,
                Status = d.Status.ToString(),
                d.ReceivedOn,
                d.CreatedAt,
            }).ToListAsync(cancellationToken);
        var plans = await db.DonationPlans.AsNoTracking().Where(p => p.DonorId == accountId).OrderBy(p => p.CreatedAt)
            .Select(p => new { p.Id, p.OrganizationId, p.CampaignId, p.FundId, p.Reference, p.Amount, Status = p.Status.ToString(), p.CreatedAt }).ToListAsync(cancellationToken);
        var receipts = await db.DonationReceipts.AsNoTracking().Where(r => r.DonorId == accountId).OrderBy(r => r.IssuedAt)
            .Select(r => new { r.Id, r.IssuerName, r.Year, r.Sequence, r.DonorName, r.DonorAddress, r.Amount, r.ReceivedOn, r.Purpose, r.IssuedAt, r.ReissueCount }).ToListAsync(cancellationToken);
        if (donations.Count == 0 && plans.Count == 0 && receipts.Count == 0) return null;
        return new { Donations = donations, Plans = plans, Receipts = receipts };
    }

    public async Task EraseAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var receipted = await db.DonationReceipts.Where(r => r.DonorId == accountId).Select(r => r.DonationId).ToListAsync(cancellationToken);
        foreach (var plan in await db.DonationPlans.Where(p => p.DonorId == accountId).ToListAsync(cancellationToken))
        {
            plan.Stop(now);
            plan.ForgetDonor();
        }
        foreach (var donation in await db.Donations.Where(d => d.DonorId == accountId).ToListAsync(cancellationToken))
        {
            donation.Cancel();
            if (receipted.Contains(donation.Id)) donation.ForgetAccount();
            else donation.ForgetDonor();
        }
        foreach (var receipt in await db.DonationReceipts.Where(r => r.DonorId == accountId).ToListAsync(cancellationToken)) receipt.ForgetDonor();
        await db.SaveChangesAsync(cancellationToken);
    }
}
