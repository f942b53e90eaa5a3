using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Features.ImpactEvaluation;
using Tsunagari.Platform;
using Tsunagari.Resources;

namespace Tsunagari.Features.Funds.Grants;

/// <summary>
/// An award for both sides. The fund's admins schedule instalments (their sum at most the award), pay them (a ledger
/// transfer fund → organization, only while the fund holds enough) and close the award once everything is paid and the
/// final report is in. The awarded organization's admins submit progress and final reports and, for a dormant-deposit
/// programme, link their logic model: its pre-evaluation must exist before any payment and all three before closing.
/// </summary>
[Authorize]
public sealed class AwardModel(AppDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    public const string MessageKey = "GrantAwardMessage";

    public sealed record ModelOption(Guid Id, string Title);

    public GrantAward Award { get; private set; } = null!;
    public GrantProgramme Programme { get; private set; } = null!;
    public Fund Fund { get; private set; } = null!;
    public string OrganizationName { get; private set; } = "";
    public bool IsFundAdmin { get; private set; }
    public bool IsRecipientAdmin { get; private set; }
    public IReadOnlyList<GrantInstalment> Instalments { get; private set; } = [];
    public IReadOnlyList<GrantReport> Reports { get; private set; } = [];
    public IReadOnlyList<ModelOption> Models { get; private set; } = [];
    public IReadOnlySet<EvaluationPhase> Evaluations { get; private set; } = new HashSet<EvaluationPhase>();
    public string? LinkedModelTitle { get; private set; }
    public decimal Balance { get; private set; }
    public string? Message { get; private set; }

    public bool IsDormantDeposit => Fund.Kind == FundKind.DormantDeposit;
    public decimal Scheduled => Instalments.Sum(i => i.Amount);
    public decimal Paid => Instalments.Where(i => i.IsPaid).Sum(i => i.Amount);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } missing) return missing;
        Message = TempData[MessageKey] as string;
        return Page();
    }

    public async Task<IActionResult> OnPostAddInstalmentAsync(Guid id, string? dueOn, string? amount, CancellationToken cancellationToken)
    {
        if (await FundSideAsync(id, cancellationToken) is { } refused) return refused;
        if (YenInput.Day(dueOn) is not { } day) return Show("instalment", l["交付日を日付（例：2027-04-01）で入力してください。"]);
        var yen = YenInput.Parse(amount, l, out var message);
        if (message is not null) return Show("instalment", message);
        if (Scheduled + yen > Award.Amount)
            return Show("instalment", l["交付額の合計が助成額（{0}円）を超えます。あと{1}円まで予定できます。", YenInput.Format(Award.Amount), YenInput.Format(Award.Amount - Scheduled)]);
        db.GrantInstalments.Add(new GrantInstalment(id, day, yen!.Value));
        await db.SaveChangesAsync(cancellationToken);
        return Done(id, "交付の予定を加えました。");
    }

    public async Task<IActionResult> OnPostRemoveInstalmentAsync(Guid id, Guid instalmentId, CancellationToken cancellationToken)
    {
        if (await FundSideAsync(id, cancellationToken) is { } refused) return refused;
        var instalment = Instalments.FirstOrDefault(i => i.Id == instalmentId);
        if (instalment is null || instalment.IsPaid) return Show("instalment", l["取り消せるのは、まだ交付していない予定です。"]);
        await db.GrantInstalments.Where(i => i.Id == instalmentId).ExecuteDeleteAsync(cancellationToken);
        return Done(id, "交付の予定を取り消しました。");
    }

    public async Task<IActionResult> OnPostPayAsync(Guid id, Guid instalmentId, CancellationToken cancellationToken)
    {
        if (await FundSideAsync(id, cancellationToken) is { } refused) return refused;
        var instalment = await db.GrantInstalments.SingleOrDefaultAsync(i => i.Id == instalmentId && i.AwardId == id, cancellationToken);
        if (instalment is null || instalment.IsPaid) return Show("pay", l["交付できるのは、まだ交付していない予定です。"]);
        if (IsDormantDeposit && !Evaluations.Contains(EvaluationPhase.Pre))
            return Show("pay", l["休眠預金の助成では、事前評価が済むまで交付できません。助成先がロジックモデルを結びつけ、事前評価を確定してください。"]);
        if (Balance < instalment.Amount) return Show("pay", l["基金の残高（{0}円）が足りません。", YenInput.Format(Balance)]);
        var now = clock.GetUtcNow();
        var (from, to) = instalment.Pay(Award, Fund.Name, OrganizationName, JapanTime.Date(now), GrantsAccess.AccountId(User), now);
        db.LedgerEntries.AddRange(from, to);
        await db.SaveChangesAsync(cancellationToken);
        return Done(id, "助成金を交付しました。基金と団体の台帳に記録しました。");
    }

    public async Task<IActionResult> OnPostReportAsync(Guid id, string? kind, string? text, string? spent, CancellationToken cancellationToken)
    {
        if (await RecipientSideAsync(id, cancellationToken) is { } refused) return refused;
        if (!Enum.TryParse<GrantReportKind>(kind, out var reportKind) || !Enum.IsDefined(reportKind)) return Show("report", l["報告の種類を選んでください。"]);
        var body = (text ?? "").Trim();
        if (body.Length is 0 or > GrantReport.MaxTextLength) return Show("report", l["報告の内容を{0}文字以内で書いてください。", GrantReport.MaxTextLength]);
        decimal? used = null;
        if (!string.IsNullOrWhiteSpace(spent))
        {
            used = YenInput.Parse(spent, l, out var message);
            if (message is not null) return Show("report", message);
        }
        if (reportKind == GrantReportKind.Final && Reports.Any(r => r.Kind == GrantReportKind.Final)) return Show("report", l["完了報告はすでに提出されています。"]);
        db.GrantReports.Add(new GrantReport(id, reportKind, body, used, GrantsAccess.AccountId(User), clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return Done(id, "報告を提出しました。");
    }

    public async Task<IActionResult> OnPostLinkModelAsync(Guid id, Guid logicModelId, CancellationToken cancellationToken)
    {
        if (await RecipientSideAsync(id, cancellationToken) is { } refused) return refused;
        if (!Models.Any(m => m.Id == logicModelId)) return Show("model", l["ロジックモデルは、団体のものから選んでください。"]);
        var award = await db.GrantAwards.SingleAsync(a => a.Id == id, cancellationToken);
        award.LogicModelId = logicModelId;
        await db.SaveChangesAsync(cancellationToken);
        return Done(id, "ロジックモデルを結びつけました。");
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid id, bool confirm, string? note, CancellationToken cancellationToken)
    {
        if (await FundSideAsync(id, cancellationToken) is { } refused) return refused;
        foreach (var problem in ClosingProblems(confirm)) ModelState.AddModelError("close", problem);
        if ((note ?? "").Trim().Length > GrantAward.MaxConditionsLength) ModelState.AddModelError("close", l["{0}文字以内で入力してください。", GrantAward.MaxConditionsLength]);
        if (!ModelState.IsValid) return Page();
        var award = await db.GrantAwards.SingleAsync(a => a.Id == id, cancellationToken);
        award.Close(note ?? "", clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Done(id, "助成を完了しました。");
    }

    /// <summary>What still stands before the award can be closed.</summary>
    public IEnumerable<string> ClosingProblems(bool confirm)
    {
        if (!confirm) yield return l["完了するには、確認のチェックを入れてください。"];
        if (Paid < Award.Amount) yield return l["助成額のすべて（{0}円）が交付されていません。交付済みは{1}円です。", YenInput.Format(Award.Amount), YenInput.Format(Paid)];
        if (!Reports.Any(r => r.Kind == GrantReportKind.Final)) yield return l["完了報告がまだ提出されていません。"];
        if (IsDormantDeposit)
            foreach (var phase in Enum.GetValues<EvaluationPhase>().Where(p => !Evaluations.Contains(p)))
                yield return l["{0}がまだ済んでいません。", l[Phase(phase)].Value];
    }

    public static string Phase(EvaluationPhase phase) => ImpactEvaluation.Indicators.IndicatorText.For(phase);

    private async Task<IActionResult?> FundSideAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } missing) return missing;
        if (!IsFundAdmin) return Forbid();
        if (Award.IsClosed) return Show("", l["完了した助成は変更できません。"]);
        return null;
    }

    private async Task<IActionResult?> RecipientSideAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } missing) return missing;
        if (!IsRecipientAdmin) return Forbid();
        if (Award.IsClosed) return Show("", l["完了した助成は変更できません。"]);
        return null;
    }

    private PageResult Show(string key, string message)
    {
        ModelState.AddModelError(key, message);
        return Page();
    }

    private RedirectResult Done(Guid id, string message)
    {
        TempData[MessageKey] = message;
        return Redirect($"/awards/{id}");
    }

    /// <summary>The award for the fund's admins and the awarded organization's members; anyone else finds nothing.</summary>
    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var award = await db.GrantAwards.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (award is null) return NotFound();
        var fund = await db.Funds.AsNoTracking().SingleAsync(f => f.Id == award.FundId, cancellationToken);
        var me = GrantsAccess.AccountId(User);
        var roles = await db.Memberships.AsNoTracking().Where(m => m.AccountId == me && (m.OrganizationId == award.OrganizationId || m.OrganizationId == fund.HolderOrganizationId))
            .Select(m => new { m.OrganizationId, m.Role }).ToListAsync(cancellationToken);
        var admin = Organizations.MembershipRole.Admin;
        IsFundAdmin = roles.Any(r => r.OrganizationId == fund.HolderOrganizationId && r.Role == admin);
        IsRecipientAdmin = roles.Any(r => r.OrganizationId == award.OrganizationId && r.Role == admin);
        if (!IsFundAdmin && !roles.Any(r => r.OrganizationId == award.OrganizationId)) return NotFound();
        Award = award;
        Fund = fund;
        Programme = await db.GrantProgrammes.AsNoTracking().SingleAsync(p => p.Id == award.ProgrammeId, cancellationToken);
        OrganizationName = await db.Organizations.AsNoTracking().Where(o => o.Id == award.OrganizationId).Select(o => o.Name).SingleAsync(cancellationToken);
        Instalments = await db.GrantInstalments.AsNoTracking().Where(i => i.AwardId == id).OrderBy(i => i.DueOn).ToListAsync(cancellationToken);
        Reports = await db.GrantReports.AsNoTracking().Where(r => r.AwardId == id).OrderBy(r => r.SubmittedAt).ToListAsync(cancellationToken);
        Models = await db.LogicModels.AsNoTracking().Where(m => m.OrganizationId == award.OrganizationId).OrderBy(m => m.Title)
            .Select(m => new ModelOption(m.Id, m.Title)).ToListAsync(cancellationToken);
        LinkedModelTitle = Models.FirstOrDefault(m => m.Id == award.LogicModelId)?.Title;
        Evaluations = award.LogicModelId is { } model
            ? (await db.EvaluationSnapshots.AsNoTracking().Where(s => s.LogicModelId == model).Select(s => s.Phase).Distinct().ToListAsync(cancellationToken)).ToHashSet()
            : new HashSet<EvaluationPhase>();
        Balance = await GrantsAccess.BalanceAsync(db, fund.Id, cancellationToken);
        return null;
    }
}
