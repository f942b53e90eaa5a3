using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tsunagari.Data;
using Tsunagari.Features.ImpactEvaluation.Indicators;
using Tsunagari.Features.ImpactEvaluation.LogicModels;
using Tsunagari.Platform;

namespace Tsunagari.Features.ImpactEvaluation.Reports;

/// <summary>
/// The impact report of a model for those who may see it, in Japanese or English (?culture=), ready to print on A4; the
/// organization's admins share it through a link (a new one each time, so an old link can be made to stop working).
/// </summary>
[Authorize]
public sealed class ReportModel(AppDbContext db, IndicatorValues values, TimeProvider clock) : PageModel
{
    private const string MessageKey = "ImpactReportMessage";

    public ImpactAccess.Access Access { get; private set; } = null!;
    public ImpactReport Report { get; private set; } = null!;
    public string? Message { get; private set; }

    /// <summary>The shared link in full, when the report is shared.</summary>
    public string? ShareUrl => Access.Model.ShareToken is { } token ? $"{Request.Scheme}://{Request.Host}{Request.PathBase}{ModelUrls.SharedReport(token)}" : null;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await ImpactAccess.LoadAsync(db, User, id, cancellationToken) is not { } access) return NotFound();
        Access = access;
        Message = TempData[MessageKey] as string;
        Report = await ImpactReport.ReadAsync(db, values, access.Model, access.Organization.Name, JapanTime.Date(clock.GetUtcNow()), cancellationToken);
        return Page();
    }

    /// <summary>
    /// Shares the report, or replaces the link. <paramref name="current"/> is the link the form was shown with: a form
    /// made before someone else changed the sharing changes nothing (and a repeated click makes no second link).
    /// </summary>
    public Task<IActionResult> OnPostShareAsync(Guid id, [FromForm] string? current, CancellationToken cancellationToken) =>
        ChangeSharingAsync(id, current, model => model.Share(), "共有リンクを作りました。このリンクを知っている人は、サインインせずにレポートを見られます。", cancellationToken);

    public Task<IActionResult> OnPostStopSharingAsync(Guid id, [FromForm] string? current, CancellationToken cancellationToken) =>
        ChangeSharingAsync(id, current, model => model.StopSharing(), "共有をやめました。これまでのリンクでは見られません。", cancellationToken);

    private async Task<IActionResult> ChangeSharingAsync(Guid id, string? current, Action<LogicModel> change, string message, CancellationToken cancellationToken)
    {
        if (await ImpactAccess.LoadAsync(db, User, id, cancellationToken, tracking: true) is not { } access) return NotFound();
        if (!access.CanEdit) return Forbid();
        if (!string.Equals(access.Model.ShareToken ?? "", current ?? "", StringComparison.Ordinal))
        {
            TempData[MessageKey] = "共有の設定はすでに変わっていました。いまの設定を確かめてください。";
            return Redirect(ModelUrls.Report(id));
        }
        change(access.Model);
        access.Model.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        TempData[MessageKey] = message;
        return Redirect(ModelUrls.Report(id));
    }
}
