using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Platform;

namespace Tsunagari.Features.Funds.Donations;

/// <summary>Campaigns taking donations now, newest first; anyone may look.</summary>
public sealed class CampaignsModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Item(Campaign Campaign, string Organization, CampaignProgress Progress);

    public IReadOnlyList<Item> Items { get; private set; } = [];
    public bool CanCreate { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var today = JapanTime.Date(clock.GetUtcNow());
        var campaigns = await db.Campaigns.AsNoTracking().Where(c => c.EndsOn == null || c.EndsOn >= today)
            .Join(db.Organizations, c => c.OrganizationId, o => o.Id, (c, o) => new { Campaign = c, o.Name })
            .OrderByDescending(x => x.Campaign.CreatedAt).Take(200).ToListAsync(cancellationToken);
        var progress = await CampaignProgress.ForAsync(db, campaigns.Select(c => c.Campaign.Id).ToList(), cancellationToken);
        Items = campaigns.Select(c => new Item(c.Campaign, c.Name, progress[c.Campaign.Id])).ToList();
        CanCreate = (await DonationsAccess.AdministeredAsync(db, User, cancellationToken)).Count > 0;
    }
}
