using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Resources;

namespace Tsunagari.Features.Funds.Donations;

/// <summary>An organization's admin starts a campaign for one of the organizations they administer.</summary>
[Authorize]
public sealed class NewCampaignModel(AppDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    [BindProperty]
    public CampaignInput Input { get; set; } = new();

    public IReadOnlyList<(Guid Id, string Name)> Organizations { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name, Guid Holder)> Funds { get; private set; } = [];
    public CampaignFields Fields => new(Input, Organizations, Funds.Select(f => (f.Id, f.Name)).ToList());

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return Forbid();
        Input.OrganizationId = Organizations[0].Id;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return Forbid();
        var errors = new List<(string Key, string Message)>();
        if (Input.OrganizationId is not { } organizationId || Organizations.All(o => o.Id != organizationId))
        {
            errors.Add((nameof(Input.OrganizationId), l["あなたが管理者の団体を選んでください。"]));
            organizationId = Guid.Empty;
        }
        var values = Input.Check(Funds.Where(f => f.Holder == organizationId).Select(f => f.Id).ToList(), l, errors);
        if (values is null || errors.Count > 0)
        {
            foreach (var (key, message) in errors) ModelState.AddModelError("Input." + key, message);
            return Page();
        }
        var now = clock.GetUtcNow();
        var campaign = new Campaign(organizationId, values.Title, DonationsAccess.AccountId(User), now);
        CampaignInput.Apply(values, campaign, now);
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync(cancellationToken);
        TempData[CampaignModel.MessageKey] = "キャンペーンを公開しました。";
        return Redirect($"/campaigns/{campaign.Id}");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Organizations = await DonationsAccess.AdministeredAsync(db, User, cancellationToken);
        var ids = Organizations.Select(o => o.Id).ToList();
        Funds = (await db.Funds.AsNoTracking().Where(f => ids.Contains(f.HolderOrganizationId)).OrderBy(f => f.Name)
            .Select(f => new { f.Id, f.Name, f.HolderOrganizationId }).ToListAsync(cancellationToken)).Select(f => (f.Id, f.Name, f.HolderOrganizationId)).ToList();
        return Organizations.Count > 0;
    }
}
