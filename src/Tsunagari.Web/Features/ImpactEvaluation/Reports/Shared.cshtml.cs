using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.ImpactEvaluation.Indicators;
using Tsunagari.Platform;

namespace Tsunagari.Features.ImpactEvaluation.Reports;

/// <summary>
/// A report its organization shared: anyone holding the link reads it without signing in, and only while the link is
/// the current one. It holds no personal data (counts, the organization's own texts), so its readers are not audited.
/// </summary>
public sealed class SharedModel(AppDbContext db, IndicatorValues values, TimeProvider clock) : PageModel
{
    public ImpactReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 64) return NotFound();
        var model = await db.LogicModels.AsNoTracking().Include(m => m.Elements).Include(m => m.Links).AsSplitQuery()
            .SingleOrDefaultAsync(m => m.ShareToken == token, cancellationToken);
        if (model is null) return NotFound();
        var organization = await db.Organizations.AsNoTracking().Where(o => o.Id == model.OrganizationId).Select(o => o.Name).SingleAsync(cancellationToken);
        Report = await ImpactReport.ReadAsync(db, values, model, organization, JapanTime.Date(clock.GetUtcNow()), cancellationToken);
        // A shared link is for the people it was given to, not for search engines.
        Response.Headers["X-Robots-Tag"] = "noindex";
        return Page();
    }
}
