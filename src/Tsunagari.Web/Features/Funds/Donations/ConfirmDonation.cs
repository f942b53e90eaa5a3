using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;

namespace Tsunagari.Features.Funds.Donations;

/// <summary>
/// Marks a donation received and records what follows, in the caller's unit of work (it saves nothing): the entry on the
/// receiving account's ledger and, when the organization issues receipts and the donor gave a name and address, the
/// receipt with the organization's next number for the year.
/// </summary>
public sealed class ConfirmDonation(AppDbContext db, TimeProvider clock)
{
    public async Task<DonationProblem?> RunAsync(Donation donation, DateOnly receivedOn, Guid by, string? bankTransactionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(donation);
        var now = clock.GetUtcNow();
        if (donation.Confirm(receivedOn, by, bankTransactionId, now) is { } problem) return problem;
        await RecordAsync(donation, now, cancellationToken);
        return null;
    }

    /// <summary>The ledger entry and the receipt of a donation just received (also for cash and in-kind recorded as received).</summary>
    public async Task RecordAsync(Donation donation, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(donation);
        var campaign = donation.CampaignId is { } campaignId
            ? await db.Campaigns.AsNoTracking().Where(c => c.Id == campaignId).Select(c => new LedgerProject(c.Id, c.Title)).SingleOrDefaultAsync(cancellationToken)
            : null;
        db.LedgerEntries.Add(donation.ToLedger(DonationsText.Anonymous, campaign, now));
        if (!donation.IsMoney || donation.DonorName.Length == 0 || donation.DonorAddress.Length == 0) return;
        var settings = await db.DonationSettings.AsNoTracking().SingleOrDefaultAsync(s => s.OrganizationId == donation.OrganizationId, cancellationToken);
        if (settings is null || !settings.IssuesReceiptsFor(donation.ReceivedOn!.Value)) return;
        var issuer = await db.Organizations.AsNoTracking().Where(o => o.Id == donation.OrganizationId).Select(o => o.Name).SingleAsync(cancellationToken);
        var fund = donation.FundId is { } fundId ? await db.Funds.AsNoTracking().Where(f => f.Id == fundId).Select(f => f.Name).SingleOrDefaultAsync(cancellationToken) : null;
        var year = donation.ReceivedOn.Value.Year;
        var sequence = await NextSequenceAsync(donation.OrganizationId, year, cancellationToken);
        db.DonationReceipts.Add(new DonationReceipt(donation, issuer, settings, sequence, DonationsText.Purpose(donation.Designation, campaign?.Title ?? fund), now));
    }

    /// <summary>One more than the highest number of the organization's year, counting receipts added in this unit of work.</summary>
    private async Task<int> NextSequenceAsync(Guid organizationId, int year, CancellationToken cancellationToken)
    {
        var saved = await db.DonationReceipts.Where(r => r.OrganizationId == organizationId && r.Year == year).MaxAsync(r => (int?)r.Sequence, cancellationToken) ?? 0;
        var pending = db.DonationReceipts.Local.Where(r => r.OrganizationId == organizationId && r.Year == year).Select(r => r.Sequence).DefaultIfEmpty(0).Max();
        return Math.Max(saved, pending) + 1;
    }
}
