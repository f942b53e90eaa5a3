using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.Organizations;

namespace Tsunagari.Features.Opportunities;

/// <summary>An organization's own opportunities, drafts included, for its admins.</summary>
[Authorize]
public sealed class ManageModel(AppDbContext db, IAuthorizationService authorization) : PageModel
{
    public sealed record Row(Guid Id, string Title, OpportunityStatus Status, DateTimeOffset StartsAt, bool Recurring);

    public Organization Organization { get; private set; } = null!;
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid orgId, CancellationToken cancellationToken)
    {
        var organization = await OpportunityAccess.OrganizationAsync(db, orgId, cancellationToken);
        if (organization is null) return NotFound();
        if (!await OpportunityAccess.CanManageAsync(authorization, User, organization)) return Forbid();
        Organization = organization;
        Rows = await db.Opportunities.AsNoTracking()
            .Where(o => o.OrganizationId == orgId)
            .OrderBy(o => o.Status).ThenByDescending(o => o.StartsAt)
            .Select(o => new Row(o.Id, o.Title, o.Status, o.StartsAt, o.RecurrenceRule != null))
            .ToListAsync(cancellationToken);
        return Page();
    }
}
