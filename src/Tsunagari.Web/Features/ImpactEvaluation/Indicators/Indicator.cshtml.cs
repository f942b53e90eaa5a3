using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Features.ProBono.Projects;
using Tsunagari.Platform;
using Tsunagari.Resources;

namespace Tsunagari.Features.ImpactEvaluation.Indicators;

/// <summary>
/// One indicator: its targets against its actuals over time (a chart and the same figures as a table), and its
/// measurements. The organization's admins record a measurement of a manual or survey indicator, with an evidence file
/// recognized by its bytes as proposal attachments are, and delete one; a platform indicator is computed, never recorded.
/// </summary>
[Authorize]
public sealed class IndicatorModel(AppDbContext db, IndicatorValues values, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    public sealed record MeasurementRow(Guid Id, DateOnly Date, decimal Value, int? Respondents, string Note, string? EvidenceFileName, long EvidenceSize);

    /// <summary>One line of the targets-and-actuals table: a date with the target set for it and the actual at it, if any.</summary>

    [BindProperty]
    public MeasurementInput Record { get; set; } = new();

    public ImpactAccess.Access Access { get; private set; } = null!;
    public LogicModel Logic => Access.Model;
    public IndicatorProgress Progress { get; private set; } = null!;
    public Indicator Indicator => Progress.Indicator;
    public IReadOnlyList<MeasurementRow> Measurements { get; private set; } = [];
    public string? Message { get; private set; }

    /// <summary>Whether the admins may record values here: manual and survey indicators only.</summary>
    public bool IsRecorded => Indicator.Source != IndicatorSource.Platform;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid indicatorId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, indicatorId, cancellationToken) is { } missing) return missing;
        Message = TempData[IndicatorLinks.MessageKey] as string;
        Record = new MeasurementInput { Date = ValueText.Day(JapanTime.Date(clock.GetUtcNow())) };
        return Page();
    }

    public async Task<IActionResult> OnPostRecordAsync(Guid id, Guid indicatorId, IFormFile? evidence, CancellationToken cancellationToken)
    {
        if (await ChangeAsync(id, indicatorId, cancellationToken) is { } refused) return refused;
        if (!IsRecorded)
        {
            ModelState.AddModelError("", l["プラットフォームのデータによる指標は自動で計算されるため、測定値は記録できません。"]);
            return Page();
        }
        var errors = new List<(string Key, string Message)>();
        var measured = Record.Validate(Indicator.Source, l, errors);
        byte[]? content = null;
        DeliverableFileType.Kind? kind = null;
        if (evidence is { Length: > 0 })
        {
            if ((content = await Uploads.ReadAsync(evidence, Measurement.MaxFileBytes, cancellationToken)) is null)
                errors.Add(("Evidence", l["ファイルは{0}MB以内にしてください。", Measurement.MaxFileBytes / 1024 / 1024]));
            else if ((kind = DeliverableFileType.Of(content, evidence.FileName)) is null)
                errors.Add(("Evidence", l["受け付けられるのは、PDF、PNG、JPEG、Word・Excel・PowerPoint（docx、xlsx、pptx）、UTF-8のテキスト・CSV（txt、csv）のファイルです。"]));
        }
        if (measured is null || errors.Count > 0)
        {
            foreach (var (key, message) in errors) ModelState.AddModelError(key == "Evidence" ? "evidence" : $"Record.{key}", message);
            return Page();
        }
        var measurement = new Measurement(Indicator.Id, measured.Date, measured.Value, measured.Note, measured.Respondents, ImpactAccess.AccountId(User), clock.GetUtcNow());
        db.Measurements.Add(measurement);
        if (content is not null)
            db.MeasurementEvidence.Add(measurement.AttachEvidence(DeliverableFileType.SafeName(evidence!.FileName, kind!), kind!.ContentType, content));
        await db.SaveChangesAsync(cancellationToken);
        return Done(id, indicatorId, "測定値を記録しました。");
    }

    /// <summary>Deletes a measurement (and its evidence), once the person has ticked that they mean it.</summary>
    public async Task<IActionResult> OnPostDeleteMeasurementAsync(Guid id, Guid indicatorId, Guid measurementId, bool confirm, CancellationToken cancellationToken)
    {
        if (await ChangeAsync(id, indicatorId, cancellationToken) is { } refused) return refused;
        var measurement = await db.Measurements.SingleOrDefaultAsync(m => m.Id == measurementId && m.IndicatorId == indicatorId, cancellationToken);
        if (measurement is null) return NotFound();
        if (!confirm)
        {
            ModelState.AddModelError($"confirm-{measurementId}", l["{0}の測定値を削除するときは、その行の確認の欄にチェックを入れてください。", ValueText.Day(measurement.Date)]);
            return Page();
        }
        db.Measurements.Remove(measurement);
        await db.SaveChangesAsync(cancellationToken);
        return Done(id, indicatorId, "測定値を削除しました。");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, Guid indicatorId, CancellationToken cancellationToken)
    {
        var access = await ImpactAccess.LoadAsync(db, User, id, cancellationToken);
        if (access is null) return NotFound();
        Access = access;
        var progress = await values.ReadAsync(access.Model, JapanTime.Date(clock.GetUtcNow()), cancellationToken, indicatorId);
        if (progress.Count == 0) return NotFound();
        Progress = progress[0];
        Measurements = await db.Measurements.AsNoTracking().Where(m => m.IndicatorId == indicatorId)
            .OrderByDescending(m => m.Date).ThenByDescending(m => m.RecordedAt)
            .Select(m => new MeasurementRow(m.Id, m.Date, m.Value, m.Respondents, m.Note, m.EvidenceFileName, m.EvidenceSize))
            .ToListAsync(cancellationToken);
        return null;
    }

    private async Task<IActionResult?> ChangeAsync(Guid id, Guid indicatorId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, indicatorId, cancellationToken) is { } missing) return missing;
        return Access.CanEdit ? null : Forbid();
    }

    private RedirectResult Done(Guid id, Guid indicatorId, string message)
    {
        TempData[IndicatorLinks.MessageKey] = message;
        return Redirect(IndicatorLinks.Indicator(id, indicatorId));
    }
}
