using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Features.Organizations;
using Tsunagari.Resources;

namespace Tsunagari.Features.Engagement.Journeys;

/// <summary>
/// An organization's indicators. Public, since they are aggregates: counts from 1 to 4 (and rates resting on them) are
/// suppressed for everyone but the organization's admins, who see the exact figures of their own organization.
/// <c>?format=json</c> gives the same figures as JSON.
/// </summary>
[AllowAnonymous]
public sealed class OrganizationIndicatorsModel(
    AppDbContext db,
    ComputeIndicators compute,
    IStringLocalizer<SharedResource> l,
    TimeProvider clock) : PageModel
{
    public Guid OrganizationId { get; private set; }
    public string OrganizationName { get; private set; } = "";
    public Indicators Indicators { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, string? from, string? to, string? format, CancellationToken cancellationToken)
    {
        var organization = await db.Organizations.AsNoTracking().Where(o => o.Id == id)
            .Select(o => new { o.Id, o.Name, o.Kind }).SingleOrDefaultAsync(cancellationToken);
        if (organization is null) return NotFound();
        (OrganizationId, OrganizationName) = (organization.Id, organization.Name);
        var now = clock.GetUtcNow();
        var period = IndicatorPeriod.TryParse(from, to, now);
        if (period is null)
        {
            ModelState.AddModelError("from", l["期間は「2026-04-01」の形の日付で、開始日から終了日まで{0}年以内で指定してください。", IndicatorPeriod.MaxYears]);
            period = IndicatorPeriod.LastTwelveMonths(now);
        }
        var accountId = Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var a) ? a : Guid.Empty;
        var admin = accountId != Guid.Empty && await db.Memberships.AnyAsync(m => m.OrganizationId == id && m.AccountId == accountId && m.Role == MembershipRole.Admin, cancellationToken);
        var indicators = await compute.ForOrganizationAsync(id, organization.Kind, period, cancellationToken);
        Indicators = admin ? indicators : indicators.Suppress();
        if (string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            if (!ModelState.IsValid) return BadRequest(new ValidationProblemDetails(ModelState));
            return new JsonResult(new { organization = new { organization.Id, organization.Name }, indicators = Indicators });
        }
        return Page();
    }
}
