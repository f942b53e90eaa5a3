using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Features.ImpactEvaluation.LogicModels;
using Tsunagari.Resources;

namespace Tsunagari.Features.ImpactEvaluation.Indicators;

/// <summary>
/// The organization's admins change an indicator or delete it (with its measurements, after a confirmation). A manual or
/// survey indicator with measurements does not become a platform one: the measurements would be hidden, so the page
/// asks for them to be deleted first.
/// </summary>
[Authorize]
public sealed class EditIndicatorModel(AppDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public IndicatorInput Input { get; set; } = new();

    public LogicModel Logic { get; private set; } = null!;
    public Indicator Indicator { get; private set; } = null!;
    public int Measurements { get; private set; }
    public IndicatorForm Form => new(Input, Logic, ModelState);

    public async Task<IActionResult> OnGetAsync(Guid id, Guid indicatorId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, indicatorId, cancellationToken) is { } refused) return refused;
        Input = IndicatorInput.From(Indicator);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid indicatorId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, indicatorId, cancellationToken) is { } refused) return refused;
        var errors = new List<(string Key, string Message)>();
        var details = Input.Validate(Logic, l, errors);
        if (details is not null && details.Source == IndicatorSource.Platform && Measurements > 0)
        {
            errors.Add((nameof(IndicatorInput.Source), l["記録した測定値が{0}件あるため、データの出所をプラットフォームに変えられません。先に測定値を削除してください。", Measurements]));
            details = null;
        }
        if (details is null)
        {
            foreach (var (key, message) in errors) ModelState.AddModelError($"Input.{key}", message);
            return Page();
        }
        details.ApplyTo(Indicator);
        await db.SaveChangesAsync(cancellationToken);
        TempData[IndicatorLinks.MessageKey] = "指標を保存しました。";
        return Redirect(IndicatorLinks.Indicator(Logic.Id, Indicator.Id));
    }

    /// <summary>Deletes the indicator and its measurements, once the person has ticked that they mean it.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(Guid id, Guid indicatorId, bool confirm, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, indicatorId, cancellationToken) is { } refused) return refused;
        if (!confirm)
        {
            ModelState.AddModelError("confirm", l["削除するときは、確認の欄にチェックを入れてください。"]);
            Input = IndicatorInput.From(Indicator);
            return Page();
        }
        // The evidence bytes and measurements go by the database's cascade with the indicator.
        db.Indicators.Remove(Indicator);
        await db.SaveChangesAsync(cancellationToken);
        TempData[IndicatorLinks.MessageKey] = "指標を削除しました。";
        return Redirect(ModelUrls.Indicators(Logic.Id));
    }

    private async Task<IActionResult?> LoadAsync(Guid id, Guid indicatorId, CancellationToken cancellationToken)
    {
        var access = await ImpactAccess.LoadAsync(db, User, id, cancellationToken);
        if (access is null) return NotFound();
        if (!access.CanEdit) return Forbid();
        var indicator = await db.Indicators.SingleOrDefaultAsync(i => i.Id == indicatorId && i.LogicModelId == id, cancellationToken);
        if (indicator is null) return NotFound();
        Logic = access.Model;
        Indicator = indicator;
        Measurements = await db.Measurements.CountAsync(m => m.IndicatorId == indicatorId, cancellationToken);
        return null;
    }
}
