using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Resources;

namespace Tsunagari.Features.Funds.Donations;

/// <summary>The owning organization's admins change a campaign; its donations stay where they went.</summary>
[Authorize]
public sealed class EditCampaignModel(AppDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    [BindProperty]
    public CampaignInput Input { get; set; } = new();

    public Campaign Campaign { get; private set; } = null!;
    public IReadOnlyList<(Guid Id, string Name)> Funds { get; private set; } = [];
    public CampaignFields Fields => new(Input, null, Funds);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused) return refused;
        Input = CampaignInput.From(Campaign);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused) return refused;
        var errors = new List<(string Key, string Message)>();
        var values = Input.Check(Funds.Select(f => f.Id).ToList(), l, errors);
        if (values is null)
        {
            foreach (var (key, message) in errors) ModelState.AddModelError("Input." + key, message);
            return Page();
        }
        CampaignInput.Apply(values, Campaign, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        TempData[CampaignModel.MessageKey] = "変更を保存しました。";
        return Redirect($"/campaigns/{id}");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await db.Campaigns.SingleOrDefaultAsync(c => c.Id == id, cancellationToken) is not { } campaign) return NotFound();
        var (organization, _) = await DonationsAccess.AdminOfAsync(db, User, campaign.OrganizationId, cancellationToken);
        if (organization is null) return Forbid();
        Campaign = campaign;
        Funds = (await db.Funds.AsNoTracking().Where(f => f.HolderOrganizationId == campaign.OrganizationId).OrderBy(f => f.Name)
            .Select(f => new { f.Id, f.Name }).ToListAsync(cancellationToken)).Select(f => (f.Id, f.Name)).ToList();
        return null;
    }
}
