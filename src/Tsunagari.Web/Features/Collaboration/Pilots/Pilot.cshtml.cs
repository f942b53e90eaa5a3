using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Platform;
using Tsunagari.Resources;

namespace Tsunagari.Features.Collaboration.Pilots;

/// <summary>
/// The pilot's workspace for both sides: milestones, reports (progress, the mid-term reflection, the final report with
/// its results against the proposal's goal) and, once the final report is in, the government's decision on what follows.
/// </summary>
[Authorize]
public sealed class PilotModel(AppDbContext db, IAuthorizationService authorization, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    private const string MessageKey = "CollaborationPilotMessage";

    public sealed class MilestoneInput
    {
        public string? Title { get; set; }
        public DateOnly? DueOn { get; set; }
    }

    public sealed class ReportInput
    {
        public PilotReportKind? Kind { get; set; }
        public string? Text { get; set; }
        public string? ResultsAgainstGoals { get; set; }
    }

    public sealed class DecisionInput
    {
        public PilotDecision? Decision { get; set; }
        public string? Reason { get; set; }
    }

    [BindProperty]
    public MilestoneInput NewMilestone { get; set; } = new();

    [BindProperty]
    public ReportInput NewReport { get; set; } = new();

    [BindProperty]
    public DecisionInput Decision { get; set; } = new();

    public PilotWork Work { get; private set; } = null!;
    public CollaborationPilot Pilot => Work.Pilot;
    public PilotAccess Access => Work.Access;
    public CollaborationProposal Proposal => Access.Proposal;
    public string OrganizationName { get; private set; } = "";
    public Initiative Initiative { get; private set; } = null!;
    public IReadOnlyList<PilotMilestone> Milestones { get; private set; } = [];
    public IReadOnlyList<PilotReport> Reports { get; private set; } = [];
    public bool HasFinalReport => Reports.Any(r => r.Kind == PilotReportKind.Final);
    public DateOnly Today { get; private set; }
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await WorkAsync(id, cancellationToken) is { } missing) return missing;
        Message = TempData[MessageKey] as string;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostMilestoneAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await WriterAsync(id, cancellationToken) is { } refused) return refused;
        Running();
        var title = NewMilestone.Title?.Trim() ?? "";
        if (title.Length == 0) ModelState.AddModelError("NewMilestone.Title", l["マイルストーンの名前を入力してください。"]);
        else if (title.Length > PilotMilestone.MaxTitleLength) ModelState.AddModelError("NewMilestone.Title", l["マイルストーンの名前は{0}文字以内で入力してください。", PilotMilestone.MaxTitleLength]);
        if (NewMilestone.DueOn is null) ModelState.AddModelError("NewMilestone.DueOn", l["期日を入力してください。"]);
        if (await db.PilotMilestones.CountAsync(m => m.PilotId == id, cancellationToken) >= PilotMilestone.MaxPerPilot)
            ModelState.AddModelError("NewMilestone.Title", l["マイルストーンは{0}件までです。", PilotMilestone.MaxPerPilot]);
        if (!ModelState.IsValid) return await ShowAsync(cancellationToken);
        db.PilotMilestones.Add(new PilotMilestone(id, title, NewMilestone.DueOn!.Value));
        await db.SaveChangesAsync(cancellationToken);
        return Done(id, "マイルストーンを加えました。");
    }

    public async Task<IActionResult> OnPostReachAsync(Guid id, Guid milestoneId, bool reached, CancellationToken cancellationToken)
    {
        if (await WriterAsync(id, cancellationToken) is { } refused) return refused;
        var milestone = await db.PilotMilestones.SingleOrDefaultAsync(m => m.Id == milestoneId && m.PilotId == id, cancellationToken);
        if (milestone is null) return NotFound();
        Running();
        if (!ModelState.IsValid) return await ShowAsync(cancellationToken);
        if (reached) milestone.Reach(JapanTime.Date(clock.GetUtcNow()));
        else milestone.Reopen();
        await db.SaveChangesAsync(cancellationToken);
        return Done(id, reached ? "マイルストーンを達成にしました。" : "マイルストーンを未達成に戻しました。");
    }

    public async Task<IActionResult> OnPostReportAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await WriterAsync(id, cancellationToken) is { } refused) return refused;
        Running();
        if (NewReport.Kind is not { } kind || !Enum.IsDefined(kind)) ModelState.AddModelError("NewReport.Kind", l["報告の種類を選んでください。"]);
        var text = NewReport.Text?.Trim() ?? "";
        if (text.Length == 0) ModelState.AddModelError("NewReport.Text", l["報告の内容を入力してください。"]);
        else if (text.Length > PilotReport.MaxTextLength) ModelState.AddModelError("NewReport.Text", l["報告の内容は{0}文字以内で入力してください。", PilotReport.MaxTextLength]);
        var results = NewReport.ResultsAgainstGoals?.Trim() ?? "";
        if (NewReport.Kind == PilotReportKind.Final && results.Length == 0)
            ModelState.AddModelError("NewReport.ResultsAgainstGoals", l["最終報告には、提案の目標に対する成果を書いてください。"]);
        else if (results.Length > PilotReport.MaxTextLength)
            ModelState.AddModelError("NewReport.ResultsAgainstGoals", l["目標に対する成果は{0}文字以内で入力してください。", PilotReport.MaxTextLength]);
        if (!ModelState.IsValid) return await ShowAsync(cancellationToken);
        db.PilotReports.Add(new PilotReport(id, NewReport.Kind!.Value, text, results, Access.Side, Access.AccountId, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return Done(id, "報告を記録しました。");
    }

    /// <summary>The government decides what follows, with its reasons, once the final report is in; the registry follows.</summary>
    public async Task<IActionResult> OnPostDecideAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await WriterAsync(id, cancellationToken) is { } refused) return refused;
        if (!Access.IsGovernment) return Forbid();
        if (!Pilot.IsRunning) ModelState.AddModelError("", l["この試行については、すでに判断しています。"]);
        else if (!await db.PilotReports.AnyAsync(r => r.PilotId == id && r.Kind == PilotReportKind.Final, cancellationToken))
            ModelState.AddModelError("", l["試行の後の判断は、最終報告が出てからできます。"]);
        if (Decision.Decision is not { } decision || !Enum.IsDefined(decision)) ModelState.AddModelError("Decision.Decision", l["試行の後の判断を選んでください。"]);
        else if (!DecidePilot.Allowed(await db.Initiatives.AsNoTracking().SingleAsync(i => i.Id == Pilot.InitiativeId, cancellationToken), decision))
            ModelState.AddModelError("Decision.Decision", l["この試行の取組はすでに終了しているため、判断は「終了する」だけを記録できます。"]);
        var reason = Decision.Reason?.Trim() ?? "";
        if (reason.Length == 0) ModelState.AddModelError("Decision.Reason", l["判断の理由を入力してください。"]);
        else if (reason.Length > DecidePilot.MaxReasonLength) ModelState.AddModelError("Decision.Reason", l["判断の理由は{0}文字以内で入力してください。", DecidePilot.MaxReasonLength]);
        if (!ModelState.IsValid) return await ShowAsync(cancellationToken);
        await DecidePilot.RunAsync(db, Pilot, Decision.Decision!.Value, reason, Access.AccountId, clock.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Done(id, "試行の後の判断を記録しました。");
    }

    private void Running()
    {
        if (!Pilot.IsRunning) ModelState.AddModelError("", l["この試行は終わっています。"]);
    }

    private async Task<IActionResult?> WorkAsync(Guid id, CancellationToken cancellationToken)
    {
        var work = await PilotWork.ForAsync(db, User, id, cancellationToken);
        if (work is null) return NotFound();
        Work = work;
        return null;
    }

    /// <summary>The pilot for a side's write: 404 off both sides; staff act for the government under the Staff policy.</summary>
    private async Task<IActionResult?> WriterAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await WorkAsync(id, cancellationToken) is { } missing) return missing;
        return await Access.MayWriteAsync(authorization, User) ? null : CollaborationAccess.Refusal(this);
    }

    private RedirectResult Done(Guid id, string message)
    {
        TempData[MessageKey] = message;
        return Redirect(PilotLinks.Pilot(id));
    }

    /// <summary>The page again with the form's errors; nothing was saved.</summary>
    private async Task<PageResult> ShowAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var id = Pilot.Id;
        Today = JapanTime.Date(clock.GetUtcNow());
        OrganizationName = Proposal.OrganizationId is { } organization
            ? await db.Organizations.Where(o => o.Id == organization).Select(o => o.Name).SingleOrDefaultAsync(cancellationToken) ?? ""
            : "";
        Initiative = await db.Initiatives.AsNoTracking().SingleAsync(i => i.Id == Pilot.InitiativeId, cancellationToken);
        Milestones = await db.PilotMilestones.AsNoTracking().Where(m => m.PilotId == id).OrderBy(m => m.DueOn).ThenBy(m => m.Title).ToListAsync(cancellationToken);
        Reports = await db.PilotReports.AsNoTracking().Where(r => r.PilotId == id).OrderByDescending(r => r.SubmittedAt).ToListAsync(cancellationToken);
    }
}
