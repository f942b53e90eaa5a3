using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Resources;

namespace Tsunagari.Features.ImpactEvaluation.Indicators;

/// <summary>The organization's admins add an indicator to an output or outcome of the model.</summary>
[Authorize]
public sealed class NewIndicatorModel(AppDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    [BindProperty]
    public IndicatorInput Input { get; set; } = new();

    public LogicModel Logic { get; private set; } = null!;
    public IndicatorForm Form => new(Input, Logic, ModelState);

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? element, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused) return refused;
        Input = new IndicatorInput
        {
            ElementId = element?.ToString(),
            Direction = nameof(IndicatorDirection.Increase),
            Source = nameof(IndicatorSource.Manual),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused) return refused;
        var errors = new List<(string Key, string Message)>();
        var details = Input.Validate(Logic, l, errors);
        if (details is null)
        {
            foreach (var (key, message) in errors) ModelState.AddModelError($"Input.{key}", message);
            return Page();
        }
        var indicator = new Indicator(Logic.Id, details.ElementId, details.Name, details.Source, clock.GetUtcNow());
        details.ApplyTo(indicator);
        db.Indicators.Add(indicator);
        await db.SaveChangesAsync(cancellationToken);
        TempData[IndicatorLinks.MessageKey] = "指標を追加しました。";
        return Redirect(IndicatorLinks.Indicator(Logic.Id, indicator.Id));
    }

    /// <summary>The model, or 404 for those who may not see it and 403 for those who may only see it.</summary>
    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var access = await ImpactAccess.LoadAsync(db, User, id, cancellationToken);
        if (access is null) return NotFound();
        if (!access.CanEdit) return Forbid();
        Logic = access.Model;
        return null;
    }
}
