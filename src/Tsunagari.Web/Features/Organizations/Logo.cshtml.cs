using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Tsunagari.Data;

namespace Tsunagari.Features.Organizations;

/// <summary>
/// Serves a logo with the content type found from its bytes when it was uploaded. Pages link it with ?v= the time of the
/// last change, so it may be cached for long; the ETag spares a transfer when it is asked again without it.
/// </summary>
public sealed class LogoModel(AppDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var logo = await db.Organizations.AsNoTracking()
            .Where(o => o.Id == id && o.Logo != null)
            .Select(o => new { o.Logo, o.LogoContentType, o.UpdatedAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (logo?.Logo is null || logo.LogoContentType is null) return NotFound();
        var etag = new EntityTagHeaderValue($"\"{logo.UpdatedAt.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture)}\"");
        Response.Headers.CacheControl = "public, max-age=86400";
        return new FileContentResult(logo.Logo, logo.LogoContentType) { LastModified = logo.UpdatedAt, EntityTag = etag };
    }
}
