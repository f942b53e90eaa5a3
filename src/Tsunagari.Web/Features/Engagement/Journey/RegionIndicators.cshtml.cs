using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tsunagari.Features.Regions;
using Tsunagari.Resources;

namespace Tsunagari.Features.Engagement.Journeys;

/// <summary>A municipality's indicators, public, with counts from 1 to 4 suppressed. <c>?format=json</c> gives them as JSON.</summary>
[AllowAnonymous]
public sealed class RegionIndicatorsModel(ComputeIndicators compute, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    public Municipality Municipality { get; private set; } = null!;
    public Indicators Indicators { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, string? from, string? to, string? format, CancellationToken cancellationToken)
    {
        if (Japan.Shared.Municipality(code) is not { } municipality) return NotFound();
        Municipality = municipality;
        var now = clock.GetUtcNow();
        var period = IndicatorPeriod.TryParse(from, to, now);
        if (period is null)
        {
            ModelState.AddModelError("from", l["期間は「2026-04-01」の形の日付で、開始日から終了日まで{0}年以内で指定してください。", IndicatorPeriod.MaxYears]);
            period = IndicatorPeriod.LastTwelveMonths(now);
        }
        Indicators = (await compute.ForMunicipalityAsync(municipality, period, cancellationToken)).Suppress();
        if (string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            if (!ModelState.IsValid) return BadRequest(new ValidationProblemDetails(ModelState));
            return new JsonResult(new { municipality = new { municipality.Code, municipality.Name }, indicators = Indicators });
        }
        return Page();
    }
}
