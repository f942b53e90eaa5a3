using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;

namespace Tsunagari.Features.Funds.Donations;

/// <summary>What a donate link names (organization, campaign or fund), resolved to where the money goes and who receives it.</summary>
public static class DonationDestinations
{
    public sealed record Found(DonationDestination Destination, string Title, string OrganizationName, bool Open);

    public static async Task<Found?> FindAsync(AppDbContext db, string target, Guid id, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        switch (target)
        {
            case "organization":
                var organization = await db.Organizations.AsNoTracking().Where(o => o.Id == id).Select(o => o.Name).SingleOrDefaultAsync(cancellationToken);
                return organization is null ? null : new Found(new(DonationTarget.Organization, id, null, null), organization, organization, true);
            case "campaign":
                if (await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken) is not { } campaign) return null;
                var owner = await db.Organizations.Where(o => o.Id == campaign.OrganizationId).Select(o => o.Name).SingleAsync(cancellationToken);
                return new Found(new(DonationTarget.Campaign, campaign.OrganizationId, id, campaign.FundId), campaign.Title, owner, campaign.IsOpen(today));
            case "fund":
                if (await db.Funds.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, cancellationToken) is not { } fund) return null;
                var holder = await db.Organizations.Where(o => o.Id == fund.HolderOrganizationId).Select(o => o.Name).SingleAsync(cancellationToken);
                return new Found(new(DonationTarget.Fund, fund.HolderOrganizationId, null, id), fund.Name, holder, fund.AcceptsDonations);
            default:
                return null;
        }
    }

    /// <summary>The public page of what was given to.</summary>
    public static string Url(DonationTarget target, Guid organizationId, Guid? campaignId, Guid? fundId) => target switch
    {
        DonationTarget.Campaign => $"/campaigns/{campaignId}",
        DonationTarget.Fund => $"/funds/{fundId}",
        _ => $"/organizations/{organizationId}",
    };
}
