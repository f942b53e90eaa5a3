using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Platform;
using Tsunagari.Resources;

namespace Tsunagari.Features.Organizations;

/// <summary>An organization's admins change its profile and logo. The logo has its own form, so a refused image loses no other edits.</summary>
[Authorize]
public sealed class EditModel(
    AppDbContext db,
    ValidateOrganization validate,
    ListOrganizationChoices listChoices,
    IAuthorizationService authorization,
    IStringLocalizer<SharedResource> l,
    TimeProvider clock) : PageModel
{
    public Organization Organization { get; private set; } = null!;

    [BindProperty]
    public OrganizationInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied) return denied;
        Input = OrganizationInput.From(Organization);
        ViewData[OrganizationChoices.ViewDataKey] = await listChoices.RunAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied) return denied;
        var result = await validate.RunAsync(Input, cancellationToken);
        if (!ModelState.IsValid || !result.IsValid)
        {
            OrganizationForm.AddErrors(ModelState, result);
            ViewData[OrganizationChoices.ViewDataKey] = await listChoices.RunAsync(cancellationToken);
            return Page();
        }
        Organization.Update(result.Profile!, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        TempData[DetailsModel.SavedKey] = "saved";
        return Redirect($"/organizations/{id}");
    }

    public async Task<IActionResult> OnPostLogoAsync(Guid id, IFormFile? logo, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied) return denied;
        var image = logo is null || logo.Length == 0 ? null : await Uploads.ReadAsync(logo, Organization.MaxLogoBytes, cancellationToken);
        var contentType = image is null ? null : LogoImage.ContentTypeOf(image);
        if (logo is null || logo.Length == 0)
            ModelState.AddModelError("logo", l["ロゴの画像ファイルを選んでください。"]);
        else if (image is null)
            ModelState.AddModelError("logo", l["ロゴの画像は{0}KB以内にしてください。", Organization.MaxLogoBytes / 1024]);
        else if (contentType is null)
            ModelState.AddModelError("logo", l["ロゴにはPNG、JPEG、WebPのいずれかの画像を選んでください。"]);
        if (!ModelState.IsValid)
        {
            Input = OrganizationInput.From(Organization);
            ViewData[OrganizationChoices.ViewDataKey] = await listChoices.RunAsync(cancellationToken);
            return Page();
        }
        Organization.SetLogo(image, contentType, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        TempData[DetailsModel.SavedKey] = "saved";
        return Redirect($"/organizations/{id}");
    }

    public async Task<IActionResult> OnPostRemoveLogoAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied) return denied;
        Organization.SetLogo(null, null, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        TempData[DetailsModel.SavedKey] = "saved";
        return Redirect($"/organizations/{id}");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var organization = await db.Organizations.Include(o => o.Memberships).SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organization is null) return NotFound();
        Organization = organization;
        if (!(await authorization.AuthorizeAsync(User, organization, OrganizationOperations.Edit)).Succeeded) return Forbid();
        return null;
    }
}
