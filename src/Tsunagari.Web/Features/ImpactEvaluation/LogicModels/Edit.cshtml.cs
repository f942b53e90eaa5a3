using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Platform;
using Tsunagari.Resources;

namespace Tsunagari.Features.ImpactEvaluation.LogicModels;

/// <summary>
/// A logic model's details and its narrative (purpose, findings, next steps: sections of the report), changed by the
/// organization's admins; and deleting the model with everything hung from it, which needs a ticked confirmation.
/// </summary>
[Authorize]
public sealed class EditModel(AppDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    public sealed class EditInput : DetailsInput
    {
        public string? Purpose { get; set; }
        public string? Findings { get; set; }
        public string? NextSteps { get; set; }
    }

    /// <summary>The narrative sections: field, label and hint.</summary>
    public static IReadOnlyList<(string Field, string Label, string Hint)> Narrative { get; } =
    [
        (nameof(EditInput.Purpose), "目的・背景", "この事業が取り組む課題と、評価する目的"),
        (nameof(EditInput.Findings), "分かったこと", "指標や測定から分かったこと、うまくいったこと・いかなかったこと"),
        (nameof(EditInput.NextSteps), "次の改善", "評価を受けて、次に変えること"),
    ];

    [BindProperty]
    public EditInput Input { get; set; } = new();

    /// <summary>Ticked to confirm deleting the model.</summary>
    [BindProperty]
    public bool ConfirmDelete { get; set; }

    public ImpactAccess.Access Access { get; private set; } = null!;
    public IReadOnlyList<PilotChoice> Pilots { get; private set; } = [];

    public DetailsFields Fields => new(Input, "Input.", Pilots, new Dictionary<Guid, string> { [Access.Organization.Id] = Access.Organization.Name });

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused) return refused;
        var model = Access.Model;
        ModelDetails.From(model, Input);
        (Input.Purpose, Input.Findings, Input.NextSteps) = (model.Purpose, model.Findings, model.NextSteps);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken, tracking: true) is { } refused) return refused;
        var errors = new List<(string Key, string Message)>();
        var narrative = Narrative.Select(n => FormText.Check(Text(n.Field), "Input." + n.Field, n.Label, LogicModel.MaxTextLength, l, errors, required: false)).ToList();
        foreach (var (key, message) in errors) ModelState.AddModelError(key, message);
        if (ModelDetails.Check(Input, "Input.", Access.Organization.Id, Pilots, l, ModelState) is not { } details || !ModelState.IsValid) return Page();
        var model = Access.Model;
        details.ApplyTo(model);
        (model.Purpose, model.Findings, model.NextSteps) = (narrative[0], narrative[1], narrative[2]);
        model.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        TempData[HubModel.MessageKey] = "変更を保存しました。";
        return Redirect(ModelUrls.Hub(id));
    }

    /// <summary>Deletes the model; its elements, arrows, indicators, measurements, snapshots and impact map go by cascade.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken, tracking: true) is { } refused) return refused;
        if (!ConfirmDelete)
        {
            ModelState.Clear();
            ModelState.AddModelError(nameof(ConfirmDelete), l["削除するには、確認の欄にチェックを入れてください。"]);
            ModelDetails.From(Access.Model, Input);
            (Input.Purpose, Input.Findings, Input.NextSteps) = (Access.Model.Purpose, Access.Model.Findings, Access.Model.NextSteps);
            return Page();
        }
        db.LogicModels.Remove(Access.Model);
        await db.SaveChangesAsync(cancellationToken);
        TempData[IndexModel.MessageKey] = "ロジックモデルを削除しました。";
        return Redirect(ModelUrls.List);
    }

    private string? Text(string field) => field switch
    {
        nameof(EditInput.Purpose) => Input.Purpose,
        nameof(EditInput.Findings) => Input.Findings,
        _ => Input.NextSteps,
    };

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken, bool tracking = false)
    {
        if (await ImpactAccess.LoadAsync(db, User, id, cancellationToken, tracking) is not { } access) return NotFound();
        if (!access.CanEdit) return Forbid();
        Access = access;
        Pilots = await ModelDetails.PilotsAsync(db, [access.Organization.Id], cancellationToken);
        return null;
    }
}
