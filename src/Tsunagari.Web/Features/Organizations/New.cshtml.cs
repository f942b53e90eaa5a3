using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tsunagari.Data;

namespace Tsunagari.Features.Organizations;

/// <summary>Anyone signed in may register an organization; they become its first admin, and a coordinator verifies it later.</summary>
[Authorize]
public sealed class NewModel(AppDbContext db, ValidateOrganization validate, ListOrganizationChoices listChoices, TimeProvider clock) : PageModel
{
    [BindProperty]
    public OrganizationInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        ViewData[OrganizationChoices.ViewDataKey] = await listChoices.RunAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await validate.RunAsync(Input, cancellationToken);
        if (!ModelState.IsValid || !result.IsValid)
        {
            OrganizationForm.AddErrors(ModelState, result);
            ViewData[OrganizationChoices.ViewDataKey] = await listChoices.RunAsync(cancellationToken);
            return Page();
        }
        var founder = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        var organization = new Organization(result.Profile!, founder, clock.GetUtcNow());
        db.Organizations.Add(organization);
        await db.SaveChangesAsync(cancellationToken);
        TempData[DetailsModel.SavedKey] = "registered";
        return Redirect($"/organizations/{organization.Id}");
    }
}
