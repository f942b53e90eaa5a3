using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;

namespace Tsunagari.Features.ImpactEvaluation.Indicators;

/// <summary>
/// A measurement's evidence file, for those who may see the model: always as an attachment, with the type found from its
/// bytes when it was recorded and nosniff, so that no file is ever shown as a page of the platform.
/// </summary>
[Authorize]
public sealed class EvidenceModel(AppDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid indicatorId, Guid measurementId, CancellationToken cancellationToken)
    {
        var access = await ImpactAccess.LoadAsync(db, User, id, cancellationToken);
        if (access is null) return NotFound();
        var file = await db.Measurements.AsNoTracking()
            .Where(m => m.Id == measurementId && m.IndicatorId == indicatorId && m.EvidenceFileName != null)
            .Join(db.Indicators.Where(i => i.LogicModelId == id), m => m.IndicatorId, i => i.Id, (m, i) => m)
            .Join(db.MeasurementEvidence, m => m.Id, e => e.MeasurementId, (m, e) => new { m.EvidenceFileName, m.EvidenceContentType, e.Content })
            .SingleOrDefaultAsync(cancellationToken);
        if (file is null) return NotFound();
        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.CacheControl = "private, no-store";
        return File(file.Content, file.EvidenceContentType ?? "application/octet-stream", file.EvidenceFileName);
    }
}
