using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Platform;
using Tsunagari.Resources;

namespace Tsunagari.Features.Funds.Grants;

/// <summary>
/// The fund holder's admins run a programme here: open and close the call, name reviewers, read the reviews (scores,
/// conflicts), award (amount ≤ the largest grant, all awards ≤ the budget) or decline. For a dormant-deposit programme
/// they also record the grant received from outside and the evaluation costs, which stay within the evaluation budget.
/// </summary>
[Authorize]
public sealed class ManageModel(AppDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    public const string MessageKey = "GrantProgrammeMessage";

    public sealed record ApplicationRow(Guid Id, string Title, string Organization, GrantApplicationStatus Status, decimal? Requested, int Reviews, int Conflicts,
        double? AverageTotal, Guid? AwardId, decimal? Awarded);

    public sealed record ReviewerRow(Guid AccountId, string Name, string Email);

    public sealed record MoneyRow(string Name, string Purpose, decimal Amount, DateOnly On);

    public GrantProgramme Programme { get; private set; } = null!;
    public Fund Fund { get; private set; } = null!;
    public IReadOnlyList<ApplicationRow> Applications { get; private set; } = [];
    public IReadOnlyList<ReviewerRow> Reviewers { get; private set; } = [];
    public IReadOnlyList<MoneyRow> Fundings { get; private set; } = [];
    public IReadOnlyList<MoneyRow> Costs { get; private set; } = [];
    public decimal Awarded { get; private set; }
    public decimal Balance { get; private set; }
    public string? Message { get; private set; }

    public bool IsDormantDeposit => Fund.Kind == FundKind.DormantDeposit;
    public decimal Received => Fundings.Sum(f => f.Amount);
    public decimal EvaluationBudgetAmount => EvaluationBudget.Of(Received, Programme.EvaluationPercent);
    public decimal EvaluationSpent => Costs.Sum(c => c.Amount);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused) return refused;
        Message = TempData[MessageKey] as string;
        await ShowAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostOpenAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused) return refused;
        if (Programme.Status == GrantProgrammeStatus.Open) return Done(id, "公募を始めました。");
        Programme.Open();
        await db.SaveChangesAsync(cancellationToken);
        return Done(id, "公募を始めました。");
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid id, bool confirm, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused) return refused;
        if (!confirm) return await ShowAsync("confirm", l["公募を締め切るには、確認のチェックを入れてください。"], cancellationToken);
        Programme.Close();
        await db.SaveChangesAsync(cancellationToken);
        return Done(id, "公募を締め切りました。審査と助成の手続きは続けられます。");
    }

    public async Task<IActionResult> OnPostAddReviewerAsync(Guid id, string? email, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused) return refused;
        var address = (email ?? "").Trim();
        var normalized = address.ToUpperInvariant();
        var account = address.Length == 0 ? null : await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalized).Select(u => (Guid?)u.Id).SingleOrDefaultAsync(cancellationToken);
        if (account is null) return await ShowAsync("email", l["そのメールアドレスで登録した人が見つかりません。"], cancellationToken);
        if (await db.GrantReviewers.AnyAsync(r => r.ProgrammeId == id && r.AccountId == account, cancellationToken))
            return await ShowAsync("email", l["その人はすでに審査員です。"], cancellationToken);
        db.GrantReviewers.Add(new GrantReviewer(id, account.Value, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return Done(id, "審査員を加えました。");
    }

    public async Task<IActionResult> OnPostRemoveReviewerAsync(Guid id, Guid accountId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused) return refused;
        var removed = await db.GrantReviewers.Where(r => r.ProgrammeId == id && r.AccountId == accountId).ExecuteDeleteAsync(cancellationToken);
        if (removed == 0) return await ShowAsync("email", l["その人はこのプログラムの審査員ではありません。"], cancellationToken);
        return Done(id, "審査員から外しました。");
    }

    public async Task<IActionResult> OnPostAwardAsync(Guid id, Guid applicationId, string? amount, string? conditions, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused) return refused;
        var application = await db.GrantApplications.SingleOrDefaultAsync(a => a.Id == applicationId && a.ProgrammeId == id, cancellationToken);
        var key = $"award-{applicationId}";
        if (application is null || application.Status != GrantApplicationStatus.Submitted)
            return await ShowAsync("", l["助成を決められるのは、提出済みで結果が決まっていない応募です。"], cancellationToken);
        var yen = YenInput.Parse(amount, l, out var message);
        if (message is not null) return await ShowAsync(key, message, cancellationToken);
        if (yen > Programme.MaxPerGrant)
            return await ShowAsync(key, l["助成額は1件あたりの上限（{0}円）以下にしてください。", YenInput.Format(Programme.MaxPerGrant)], cancellationToken);
        var awarded = await AwardedAsync(id, cancellationToken);
        if (awarded + yen > Programme.Budget)
            return await ShowAsync(key, l["予算の総額（{0}円）を超えます。残りは{1}円です。", YenInput.Format(Programme.Budget), YenInput.Format(Programme.Budget - awarded)], cancellationToken);
        var text = (conditions ?? "").Trim();
        if (text.Length > GrantAward.MaxConditionsLength) return await ShowAsync(key, l["{0}文字以内で入力してください。", GrantAward.MaxConditionsLength], cancellationToken);
        var now = clock.GetUtcNow();
        application.Award(now);
        var award = new GrantAward(application, Fund.Id, yen!.Value, text, JapanTime.Date(now), GrantsAccess.AccountId(User));
        db.GrantAwards.Add(award);
        await db.SaveChangesAsync(cancellationToken);
        TempData[AwardModel.MessageKey] = "助成を決定しました。交付の予定を登録してください。";
        return Redirect($"/awards/{award.Id}");
    }

    public async Task<IActionResult> OnPostDeclineAsync(Guid id, Guid applicationId, string? reason, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused) return refused;
        var application = await db.GrantApplications.SingleOrDefaultAsync(a => a.Id == applicationId && a.ProgrammeId == id, cancellationToken);
        if (application is null || application.Status != GrantApplicationStatus.Submitted)
            return await ShowAsync("", l["助成を決められるのは、提出済みで結果が決まっていない応募です。"], cancellationToken);
        var text = (reason ?? "").Trim();
        if (text.Length == 0 || text.Length > GrantApplication.MaxReasonLength)
            return await ShowAsync($"decline-{applicationId}", l["不採択の理由を{0}文字以内で入力してください。", GrantApplication.MaxReasonLength], cancellationToken);
        application.Decline(text, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Done(id, "不採択としました。応募した団体は応募のページで理由を見られます。");
    }

    public async Task<IActionResult> OnPostRecordFundingAsync(Guid id, string? from, string? amount, string? receivedOn, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused) return refused;
        var name = (from ?? "").Trim();
        if (name.Length is 0 or > GrantFunding.MaxNameLength) return await ShowAsync("funding", l["助成元の名前を入力してください。"], cancellationToken);
        var yen = YenInput.Parse(amount, l, out var message);
        if (message is not null) return await ShowAsync("funding", message, cancellationToken);
        if (YenInput.Day(receivedOn) is not { } day) return await ShowAsync("funding", l["受け取った日を日付（例：2027-04-01）で入力してください。"], cancellationToken);
        var funding = new GrantFunding(id, name, yen!.Value, day, clock.GetUtcNow());
        db.GrantFundings.Add(funding);
        db.LedgerEntries.Add(funding.Record(Fund.Id, Programme.Title));
        await db.SaveChangesAsync(cancellationToken);
        return Done(id, "外部からの助成を記録しました。");
    }

    public async Task<IActionResult> OnPostRecordCostAsync(Guid id, string? paidTo, string? purpose, string? amount, string? paidOn, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused) return refused;
        if (!IsDormantDeposit) return await ShowAsync("cost", l["評価費を記録できるのは、休眠預金の助成プログラムです。"], cancellationToken);
        var to = (paidTo ?? "").Trim();
        var what = (purpose ?? "").Trim();
        if (to.Length is 0 or > GrantEvaluationCost.MaxTextLength) return await ShowAsync("cost", l["支払先を入力してください。"], cancellationToken);
        if (what.Length is 0 or > GrantEvaluationCost.MaxTextLength) return await ShowAsync("cost", l["評価費の内容を入力してください。"], cancellationToken);
        var yen = YenInput.Parse(amount, l, out var message);
        if (message is not null) return await ShowAsync("cost", message, cancellationToken);
        if (YenInput.Day(paidOn) is not { } day) return await ShowAsync("cost", l["支払った日を日付（例：2027-04-01）で入力してください。"], cancellationToken);
        await ShowAsync(cancellationToken);
        if (!EvaluationBudget.Allows(Received, Programme.EvaluationPercent, EvaluationSpent, yen!.Value))
            return await ShowAsync("cost", l["評価費の予算（{0}円）を超えます。残りは{1}円です。", YenInput.Format(EvaluationBudgetAmount), YenInput.Format(Math.Max(0, EvaluationBudgetAmount - EvaluationSpent))], cancellationToken);
        if (Balance < yen) return await ShowAsync("cost", l["基金の残高（{0}円）が足りません。", YenInput.Format(Balance)], cancellationToken);
        var cost = new GrantEvaluationCost(id, to, what, yen.Value, day, clock.GetUtcNow());
        db.GrantEvaluationCosts.Add(cost);
        db.LedgerEntries.Add(cost.Record(Fund.Id, Programme.Title));
        await db.SaveChangesAsync(cancellationToken);
        return Done(id, "評価費を記録しました。");
    }

    private async Task<decimal> AwardedAsync(Guid id, CancellationToken cancellationToken) =>
        (await db.GrantAwards.AsNoTracking().Where(a => a.ProgrammeId == id).Select(a => a.Amount).ToListAsync(cancellationToken)).Sum();

    /// <summary>The programme for its fund's admins; anyone else is told it does not exist (the manage page is not public).</summary>
    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var programme = await db.GrantProgrammes.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (programme is null) return NotFound();
        var fund = await db.Funds.AsNoTracking().SingleAsync(f => f.Id == programme.FundId, cancellationToken);
        if (!await GrantsAccess.IsAdminAsync(db, GrantsAccess.AccountId(User), fund.HolderOrganizationId, cancellationToken)) return NotFound();
        Programme = programme;
        Fund = fund;
        return null;
    }

    private RedirectResult Done(Guid id, string message)
    {
        TempData[MessageKey] = message;
        return Redirect($"/programmes/{id}/manage");
    }

    private async Task<PageResult> ShowAsync(string key, string message, CancellationToken cancellationToken)
    {
        ModelState.AddModelError(key, message);
        await ShowAsync(cancellationToken);
        return Page();
    }

    private async Task ShowAsync(CancellationToken cancellationToken)
    {
        var id = Programme.Id;
        var reviews = await db.GrantReviews.AsNoTracking().Where(r => db.GrantApplications.Any(a => a.Id == r.ApplicationId && a.ProgrammeId == id))
            .Select(r => new { r.ApplicationId, r.ConflictDeclared, r.Scores }).ToListAsync(cancellationToken);
        var awards = await db.GrantAwards.AsNoTracking().Where(a => a.ProgrammeId == id).Select(a => new { a.ApplicationId, a.Id, a.Amount }).ToListAsync(cancellationToken);
        var rows = await (from a in db.GrantApplications.AsNoTracking()
                          where a.ProgrammeId == id && a.Status != GrantApplicationStatus.Draft
                          join o in db.Organizations on a.OrganizationId equals o.Id
                          orderby a.SubmittedAt
                          select new { a.Id, a.Title, o.Name, a.Status, a.RequestedAmount }).ToListAsync(cancellationToken);
        Applications = rows.Select(a =>
        {
            var mine = reviews.Where(r => r.ApplicationId == a.Id).ToList();
            var scored = mine.Where(r => !r.ConflictDeclared).ToList();
            var award = awards.FirstOrDefault(x => x.ApplicationId == a.Id);
            return new ApplicationRow(a.Id, a.Title, a.Name, a.Status, a.RequestedAmount, scored.Count, mine.Count - scored.Count,
                scored.Count == 0 ? null : scored.Average(r => r.Scores.Sum()), award?.Id, award?.Amount);
        }).ToList();
        Awarded = awards.Sum(a => a.Amount);
        Reviewers = await (from r in db.GrantReviewers.AsNoTracking()
                           where r.ProgrammeId == id
                           join u in db.Users on r.AccountId equals u.Id
                           orderby u.DisplayName
                           select new ReviewerRow(u.Id, u.DisplayName, u.Email ?? "")).ToListAsync(cancellationToken);
        Fundings = await db.GrantFundings.AsNoTracking().Where(f => f.ProgrammeId == id).OrderBy(f => f.ReceivedOn)
            .Select(f => new MoneyRow(f.FromName, "", f.Amount, f.ReceivedOn)).ToListAsync(cancellationToken);
        Costs = await db.GrantEvaluationCosts.AsNoTracking().Where(c => c.ProgrammeId == id).OrderBy(c => c.PaidOn)
            .Select(c => new MoneyRow(c.PaidTo, c.Purpose, c.Amount, c.PaidOn)).ToListAsync(cancellationToken);
        Balance = await GrantsAccess.BalanceAsync(db, Fund.Id, cancellationToken);
    }
}
