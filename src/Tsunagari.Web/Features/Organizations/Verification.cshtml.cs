using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;
using Tsunagari.Resources;

namespace Tsunagari.Features.Organizations;

/// <summary>
/// Coordinators' queue of organizations to check, and the two decisions (taken from the organization's page). Changing
/// a profile never verifies it by itself: after a change request the organization waits here again.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class VerificationModel(AppDbContext db, IAuthorizationService authorization, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    public sealed record Pending(Guid Id, string Name, OrganizationKind Kind, VerificationStatus Status, DateTimeOffset UpdatedAt);

    public IReadOnlyList<Pending> Organizations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Organizations = await db.Organizations.AsNoTracking()
            .Where(o => o.Verification != VerificationStatus.Verified)
            .OrderBy(o => o.CreatedAt)
            .Select(o => new Pending(o.Id, o.Name, o.Kind, o.Verification, o.UpdatedAt))
            .ToListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostVerifyAsync(Guid id, CancellationToken cancellationToken)
    {
        var organization = await db.Organizations.Include(o => o.Memberships).SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organization is null) return NotFound();
        if (!(await authorization.AuthorizeAsync(User, organization, OrganizationOperations.Verify)).Succeeded) return Forbid();
        organization.Verify(CurrentAccountId(), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/organizations/{id}");
    }

    public async Task<IActionResult> OnPostRequestChangesAsync(Guid id, string? note, CancellationToken cancellationToken)
    {
        var organization = await db.Organizations.Include(o => o.Memberships).SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organization is null) return NotFound();
        if (!(await authorization.AuthorizeAsync(User, organization, OrganizationOperations.Verify)).Succeeded) return Forbid();
        note = note?.Trim() ?? "";
        if (note.Length == 0 || note.Length > 2000)
        {
            ModelState.AddModelError("note", l["修正してほしい内容を{0}文字以内で入力してください。", 2000]);
            await OnGetAsync(cancellationToken);
            return Page();
        }
        organization.RequestChanges(CurrentAccountId(), note, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/organizations/{id}");
    }

    private Guid CurrentAccountId() => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
}
