using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Platform;

namespace Tsunagari.Features.Funds.Donations;

/// <summary>A campaign's public page: the project, its progress from received donations, recent supporters (「匿名」 when asked), the way to give.</summary>
public sealed class CampaignModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public const string MessageKey = "CampaignMessage";

    public Campaign Campaign { get; private set; } = null!;
    public string Organization { get; private set; } = "";
    public string? Fund { get; private set; }
    public CampaignProgress Progress { get; private set; } = new(0, 0);
    public IReadOnlyList<(string Name, DateOnly On)> Supporters { get; private set; } = [];
    public bool IsOpen { get; private set; }
    public bool CanEdit { get; private set; }
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken) is not { } campaign) return NotFound();
        Campaign = campaign;
        Organization = await db.Organizations.Where(o => o.Id == campaign.OrganizationId).Select(o => o.Name).SingleAsync(cancellationToken);
        Fund = campaign.FundId is { } fund ? await db.Funds.Where(f => f.Id == fund).Select(f => f.Name).SingleOrDefaultAsync(cancellationToken) : null;
        Progress = (await CampaignProgress.ForAsync(db, [id], cancellationToken))[id];
        var recent = await db.Donations.AsNoTracking().Where(d => d.CampaignId == id && d.Status == DonationStatus.Received)
            .OrderByDescending(d => d.ReceivedOn).Take(20).Select(d => new { d.Anonymous, d.DonorName, d.ReceivedOn }).ToListAsync(cancellationToken);
        Supporters = recent.Select(d => (d.Anonymous || d.DonorName.Length == 0 ? DonationsText.Anonymous : d.DonorName, d.ReceivedOn!.Value)).ToList();
        IsOpen = campaign.IsOpen(JapanTime.Date(clock.GetUtcNow()));
        CanEdit = (await DonationsAccess.AdminOfAsync(db, User, campaign.OrganizationId, cancellationToken)).Organization is not null;
        Message = TempData[MessageKey] as string;
        return Page();
    }
}
