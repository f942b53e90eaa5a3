using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;

namespace Tsunagari.Features.Funds.Donations;

/// <summary>A campaign's progress, from donations received only: the yen, and the donors (a person counted once, each gift recorded without an account once).</summary>
public sealed record CampaignProgress(decimal Received, int Donors)
{
    public static async Task<Dictionary<Guid, CampaignProgress>> ForAsync(AppDbContext db, IReadOnlyCollection<Guid> campaigns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Donations.AsNoTracking()
            .Where(d => d.CampaignId != null && campaigns.Contains(d.CampaignId.Value) && d.Status == DonationStatus.Received)
            .Select(d => new { CampaignId = d.CampaignId!.Value, d.Amount, Donor = d.DonorId ?? d.Id }).ToListAsync(cancellationToken);
        return campaigns.ToDictionary(id => id, id =>
        {
            var mine = rows.Where(r => r.CampaignId == id).ToList();
            return new CampaignProgress(mine.Sum(r => r.Amount), mine.Select(r => r.Donor).Distinct().Count());
        });
    }

    /// <summary>The share of a goal reached, 0–100, for a progress bar; null without that goal.</summary>
    public static int? Percent(decimal reached, decimal? goal) =>
        goal is > 0 ? (int)Math.Min(100m, Math.Floor(reached * 100m / goal.Value)) : null;
}
