using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Features.ImpactEvaluation.LogicModels;
using Tsunagari.Platform;
using Tsunagari.Resources;

namespace Tsunagari.Features.ImpactEvaluation.Indicators;

/// <summary>
/// The pre-, mid- and post-evaluations: the organization's admins freeze each once (with a note), as the indicators and
/// the SROI stand that day; everyone who sees the model compares them, indicator by indicator, with the change from the
/// pre-evaluation to the latest.
/// </summary>
[Authorize]
public sealed class SnapshotsModel(AppDbContext db, IndicatorValues values, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    [BindProperty]
    public string? Phase { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public ImpactAccess.Access Access { get; private set; } = null!;
    public LogicModel Logic => Access.Model;
    public IReadOnlyList<FrozenEvaluation> Snapshots { get; private set; } = [];
    public string? Message { get; private set; }

    public IEnumerable<EvaluationPhase> Open => Enum.GetValues<EvaluationPhase>().Where(p => Snapshots.All(s => s.Phase != p));

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } missing) return missing;
        Message = TempData[IndicatorLinks.MessageKey] as string;
        Phase = Open.FirstOrDefault().ToString();
        return Page();
    }

    public async Task<IActionResult> OnPostFreezeAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } missing) return missing;
        if (!Access.CanEdit) return Forbid();
        var errors = new List<(string Key, string Message)>();
        if (!EnumNames.TryParse(Phase, out EvaluationPhase phase))
            errors.Add((nameof(Phase), l["凍結する評価の時点（事前・中間・事後）を選んでください。"]));
        else if (Snapshots.Any(s => s.Phase == phase))
            errors.Add((nameof(Phase), l["{0}はすでに凍結しています。評価の時点ごとに1回だけ凍結できます。", l[IndicatorText.For(phase)]]));
        var note = FormText.Check(Note, nameof(Note), "メモ", EvaluationSnapshot.MaxNoteLength, l, errors, required: false);
        if (errors.Count > 0) return Invalid(errors);

        var now = clock.GetUtcNow();
        var content = await SnapshotContent.TakeAsync(db, values, Logic, JapanTime.Date(now), cancellationToken);
        db.EvaluationSnapshots.Add(new EvaluationSnapshot(Logic.Id, phase, note, content.Serialize(), ImpactAccess.AccountId(User), now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another admin froze the same phase a moment before: the unique index keeps theirs.
            db.ChangeTracker.Clear();
            await LoadAsync(id, cancellationToken);
            return Invalid([(nameof(Phase), l["{0}はすでに凍結しています。評価の時点ごとに1回だけ凍結できます。", l[IndicatorText.For(phase)]])]);
        }
        TempData[IndicatorLinks.MessageKey] = "評価を凍結しました。";
        return Redirect(ModelUrls.Snapshots(id));
    }

    private PageResult Invalid(IEnumerable<(string Key, string Message)> errors)
    {
        foreach (var (key, message) in errors) ModelState.AddModelError(key, message);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var access = await ImpactAccess.LoadAsync(db, User, id, cancellationToken);
        if (access is null) return NotFound();
        Access = access;
        Snapshots = await FrozenEvaluation.ReadAsync(db, id, cancellationToken);
        return null;
    }
}
