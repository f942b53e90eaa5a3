using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Regions;

namespace Tsunagari.Features.Organizations;

/// <summary>An organization's public page; its admins also see what a coordinator asked them to change.</summary>
public sealed class DetailsModel(AppDbContext db, Japan japan, IAuthorizationService authorization) : PageModel
{
    public const string SavedKey = "Organizations.Saved";

    public Organization Organization { get; private set; } = null!;
    public string? VerifierName { get; private set; }
    public IReadOnlyList<Municipality> Municipalities { get; private set; } = [];
    public IReadOnlyList<OrganizationChoices.Way> Ways { get; private set; } = [];
    public string DescriptionHtml { get; private set; } = "";
    public string JsonLd { get; private set; } = "";
    public string? LogoUrl { get; private set; }
    public string SiteUrl { get; private set; } = "";
    public bool CanEdit { get; private set; }
    public bool CanViewMembers { get; private set; }
    public bool CanVerify { get; private set; }

    [TempData(Key = SavedKey)]
    public string? Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var organization = await db.Organizations.AsNoTracking().Include(o => o.Memberships).SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organization is null) return NotFound();
        Organization = organization;
        if (organization.VerifiedBy is { } verifier)
            VerifierName = await db.Users.AsNoTracking().Where(u => u.Id == verifier).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken);
        Municipalities = organization.MunicipalityCodes.Select(japan.Municipality).OfType<Municipality>().ToList();
        Ways = await db.WaysToTakePart.AsNoTracking()
            .Where(w => organization.WaysToHelp.Contains(w.Id))
            .OrderBy(w => w.SortOrder)
            .Select(w => new OrganizationChoices.Way(w.Id, w.Key, w.Name, w.NameEn))
            .ToListAsync(cancellationToken);
        DescriptionHtml = RenderMarkdown.ToSafeHtml(organization.Description);
        SiteUrl = $"{Request.Scheme}://{Request.Host}{Request.PathBase}";
        var pageUrl = $"{SiteUrl}/organizations/{organization.Id}";
        if (organization.LogoContentType is not null)
            LogoUrl = $"/organizations/{organization.Id}/logo?v={organization.UpdatedAt.UtcTicks}";
        JsonLd = OrganizationJsonLd.For(organization, pageUrl, LogoUrl is null ? null : SiteUrl + LogoUrl, japan);
        CanEdit = (await authorization.AuthorizeAsync(User, organization, OrganizationOperations.Edit)).Succeeded;
        CanViewMembers = (await authorization.AuthorizeAsync(User, organization, OrganizationOperations.ViewMembers)).Succeeded;
        CanVerify = User.Identity?.IsAuthenticated == true
            && (await authorization.AuthorizeAsync(User, Policies.Staff)).Succeeded
            && (await authorization.AuthorizeAsync(User, organization, OrganizationOperations.Verify)).Succeeded;
        return Page();
    }
}
