using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tsunagari.Data;
using Tsunagari.Platform;

namespace Tsunagari.Features.ImpactEvaluation.Indicators;

/// <summary>A model's indicators, grouped by the output or outcome each measures, with where each stands now.</summary>
[Authorize]
public sealed class IndicatorsModel(AppDbContext db, IndicatorValues values, TimeProvider clock) : PageModel
{
    public ImpactAccess.Access Access { get; private set; } = null!;
    public LogicModel Logic => Access.Model;
    public IReadOnlyList<IndicatorProgress> Indicators { get; private set; } = [];
    public string? Message { get; private set; }

    /// <summary>The measurable elements in column order, each with its indicators (none yet for some).</summary>
    public IEnumerable<(LogicModelElement Element, IReadOnlyList<IndicatorProgress> Indicators)> Groups =>
        Logic.Elements.Where(e => e.Kind.IsMeasurable()).OrderBy(e => e.Kind).ThenBy(e => e.Order)
            .Select(e => (e, (IReadOnlyList<IndicatorProgress>)Indicators.Where(i => i.Element.Id == e.Id).ToList()));

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var access = await ImpactAccess.LoadAsync(db, User, id, cancellationToken);
        if (access is null) return NotFound();
        Access = access;
        Indicators = await values.ReadAsync(access.Model, JapanTime.Date(clock.GetUtcNow()), cancellationToken);
        Message = TempData[IndicatorLinks.MessageKey] as string;
        return Page();
    }
}
