using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tsunagari.Data;
using Tsunagari.Features.Organizations;
using Tsunagari.Features.Regions;
using Tsunagari.Platform;

namespace Tsunagari.Features.Opportunities;

/// <summary>Creates an opportunity for an organization (/organizations/{orgId}/opportunities/new) or edits one; the organization's admins only.</summary>
[Authorize]
public sealed class EditModel(
    AppDbContext db,
    Japan japan,
    ListWays listWays,
    SaveOpportunity save,
    IAuthorizationService authorization,
    IOptions<TsunagariOptions> options) : PageModel
{
    public Organization Organization { get; private set; } = null!;
    public Guid? OpportunityId { get; private set; }
    public IReadOnlyList<WayToTakePart> Ways { get; private set; } = [];
    public IReadOnlyList<Municipality> Municipalities { get; private set; } = [];

    [BindProperty]
    public OpportunityInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid? id, Guid? orgId, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, orgId, cancellationToken);
        if (loaded is not null) return loaded;
        if (id is not null)
            Input = OpportunityInput.From(await db.Opportunities.AsNoTracking().SingleAsync(o => o.Id == id, cancellationToken));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, Guid? orgId, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, orgId, cancellationToken);
        if (loaded is not null) return loaded;
        // Model binding already explained unreadable numbers and dates; still run the rules so every problem shows at once.
        var bindingFailed = !ModelState.IsValid;
        SaveOpportunity.Outcome outcome;
        if (bindingFailed)
        {
            var (_, errors) = await save.ValidateAsync(Input, cancellationToken);
            outcome = new SaveOpportunity.Outcome(null, errors);
        }
        else if (id is null)
            outcome = await save.CreateAsync(Organization.Id, Input, cancellationToken);
        else
            outcome = await save.UpdateAsync(await db.Opportunities.SingleAsync(o => o.Id == id, cancellationToken), Input, cancellationToken);

        foreach (var (key, messages) in outcome.Errors)
            foreach (var message in messages)
                if (ModelState[$"{nameof(Input)}.{key}"]?.Errors.Count is null or 0) ModelState.AddModelError($"{nameof(Input)}.{key}", message);
        if (bindingFailed || !outcome.Succeeded) return Page();
        TempData[DetailsModel.MessageKey] = "保存しました。";
        return Redirect($"/opportunities/{outcome.Opportunity!.Id}");
    }

    private async Task<IActionResult?> LoadAsync(Guid? id, Guid? orgId, CancellationToken cancellationToken)
    {
        OpportunityId = id;
        if (id is not null)
        {
            orgId = await db.Opportunities.AsNoTracking().Where(o => o.Id == id).Select(o => (Guid?)o.OrganizationId).SingleOrDefaultAsync(cancellationToken);
            if (orgId is null) return NotFound();
        }
        if (orgId is null) return NotFound();
        var organization = await OpportunityAccess.OrganizationAsync(db, orgId.Value, cancellationToken);
        if (organization is null) return NotFound();
        if (!await OpportunityAccess.CanManageAsync(authorization, User, organization)) return Forbid();
        Organization = organization;
        Ways = await listWays.RunAsync(cancellationToken);
        var prefecture = japan.Prefecture(options.Value.Prefecture)
            ?? throw new InvalidOperationException("Tsunagari:Prefecture is validated on start.");
        Municipalities = prefecture.Municipalities.SelectMany(m => m.Wards.Count > 0 ? [m, .. m.Wards] : new[] { m }).ToList();
        return null;
    }
}
