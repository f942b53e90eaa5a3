using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;

namespace Tsunagari.Features.Funds.Donations;

/// <summary>
/// Makes the monthly instalments that are due (see <see cref="DonationPlan"/>): called by the pages that show them, before
/// they read, so a month's instalment exists as soon as anyone looks for it.
/// </summary>
public static class DonationInstalments
{
    public static async Task MakeDueAsync(AppDbContext db, IQueryable<DonationPlan> plans, DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var month = DonationPlan.MonthOf(today);
        var active = await plans.Where(p => p.Status == DonationPlanStatus.Active && p.LastMonth < month).ToListAsync(cancellationToken);
        if (active.Count == 0) return;
        foreach (var plan in active)
            foreach (var due in plan.DueMonths(today))
                db.Donations.Add(Donation.Instalment(plan, due, now));
        await db.SaveChangesAsync(cancellationToken);
    }
}
