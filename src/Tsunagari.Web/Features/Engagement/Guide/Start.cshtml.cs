using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Tsunagari.Data;
using Tsunagari.Features.Organizations;
using Tsunagari.Features.Regions;
using Tsunagari.Platform;

namespace Tsunagari.Features.Engagement.Guide;

/// <summary>
/// A group of individuals starts with a light profile; it is registered through the same validation and entity as a
/// full registration (an unincorporated NPO等 whose founder is its admin), and can fill in the rest or incorporate later.
/// </summary>
[Authorize]
public sealed class StartModel(AppDbContext db, Japan japan, IOptions<TsunagariOptions> options, ValidateOrganization validate, TimeProvider clock) : PageModel
{
    [BindProperty]
    public StartInput Input { get; set; } = new();

    public IReadOnlyList<Municipality> Municipalities { get; private set; } = [];

    public IActionResult OnGet()
    {
        LoadChoices();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await validate.RunAsync(Input.ToOrganization(), cancellationToken);
        if (!ModelState.IsValid || !result.IsValid)
        {
            foreach (var (key, messages) in result.Errors)
                foreach (var message in messages)
                    ModelState.AddModelError($"Input.{StartInput.FieldOf(key)}", message);
            LoadChoices();
            return Page();
        }
        var founder = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        var organization = new Organization(result.Profile!, founder, clock.GetUtcNow());
        db.Organizations.Add(organization);
        await db.SaveChangesAsync(cancellationToken);
        TempData[Organizations.DetailsModel.SavedKey] = "registered";
        return Redirect($"/organizations/{organization.Id}");
    }

    private void LoadChoices()
    {
        var prefecture = japan.Prefecture(options.Value.Prefecture)
            ?? throw new InvalidOperationException("Tsunagari:Prefecture is validated on start.");
        Municipalities = prefecture.Municipalities;
    }
}
