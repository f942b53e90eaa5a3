using Microsoft.EntityFrameworkCore;
using Tsunagari.Features;
using Tsunagari.Features.Funds;
using Tsunagari.Features.ImpactEvaluation;
using Tsunagari.Features.ImpactEvaluation.Indicators;
using Tsunagari.Features.Organizations;
using Tsunagari.Platform;

namespace Tsunagari.Data.Demo;

/// <summary>
/// Funds and grant programmes for the demo. A community-foundation fund held by the demo admin's first organization runs
/// a programme through review and award to an NPO, with one instalment paid through the ledger and a progress report,
/// and has a second programme open for applications. A dormant-deposit fund distributor (資金分配団体) records the
/// dormant-deposit grant it received, spends part of its evaluation budget, and regrants to the NPO whose logic model
/// (from the impact demo) carries the pre-evaluation. Idempotent: nothing is added once any programme exists.
/// </summary>
public sealed class DemoGrants(AppDbContext db, IndicatorValues values, TimeProvider clock) : ISeed
{
    public bool IsDemo => true;

    public async Task RunAsync()
    {
        if (await db.GrantProgrammes.AnyAsync()) return;
        var orgAdmin = await db.Users.Where(u => u.Email == "orgadmin@example.jp").Select(u => (Guid?)u.Id).SingleOrDefaultAsync();
        var reviewer = await db.Users.Where(u => u.Email == "coordinator@example.jp").Select(u => (Guid?)u.Id).SingleOrDefaultAsync();
        if (orgAdmin is null || reviewer is null) return;
        var mine = await db.Organizations.Where(o => o.Memberships.Any(m => m.AccountId == orgAdmin && m.Role == MembershipRole.Admin))
            .OrderBy(o => o.Name).Select(o => new { o.Id, o.Name, o.Kind }).ToListAsync();
        var npo = mine.FirstOrDefault(o => o.Kind == OrganizationKind.Npo);
        var holders = mine.Where(o => o.Id != npo?.Id).Take(2).ToList();
        if (npo is null || holders.Count < 2) return;

        var now = clock.GetUtcNow();
        var today = JapanTime.Date(now);
        await CommunityFoundationAsync(holders[0].Id, npo.Id, npo.Name, orgAdmin.Value, reviewer.Value, now, today);
        await DormantDepositAsync(holders[1].Id, npo.Id, npo.Name, orgAdmin.Value, reviewer.Value, now, today);
        await db.SaveChangesAsync();
    }

    private async Task CommunityFoundationAsync(Guid holder, Guid npo, string npoName, Guid orgAdmin, Guid reviewer, DateTimeOffset now, DateOnly today)
    {
        var fund = new Fund(holder, FundKind.General, "ちば地域つながり基金", now)
        {
            Description = "県民や企業からの寄附を、地域の居場所づくりや見守りに取り組む団体への助成に充てるコミュニティ財団型の基金です。",
        };
        db.Funds.Add(fund);
        var programme = Programme(fund.Id, "地域の居場所づくり助成 2026", 2_000_000m, 500_000m, today.AddMonths(-4), today.AddMonths(-3), now,
            ["事業の目的と、地域の課題", "実施体制とスケジュール"], ["地域の課題への効果", "実現性", "継続性"]);
        programme.Close();
        db.GrantProgrammes.Add(programme);
        var funding = new GrantFunding(programme.Id, "千葉県内の企業による寄附（デモ）", 2_000_000m, today.AddMonths(-5), now);
        db.GrantFundings.Add(funding);
        db.LedgerEntries.Add(funding.Record(fund.Id, programme.Title));

        var application = Application(programme, npo, orgAdmin, "子ども食堂と高齢者の見守りをつなぐ居場所", 500_000m, now);
        db.GrantReviewers.Add(new GrantReviewer(programme.Id, reviewer, now));
        var review = new GrantReview(application.Id, reviewer);
        review.Score([5, 4, 4], "地域の需要がはっきりしており、ボランティアの体制も現実的です。", now);
        db.GrantReviews.Add(review);
        application.Award(now);
        var award = new GrantAward(application, fund.Id, 450_000m, "年度末に完了報告を提出すること。", today.AddMonths(-2), orgAdmin);
        db.GrantAwards.Add(award);
        var first = new GrantInstalment(award.Id, today.AddMonths(-2), 300_000m);
        db.GrantInstalments.AddRange(first, new GrantInstalment(award.Id, today.AddMonths(2), 150_000m));
        var (paidOut, paidIn) = first.Pay(award, fund.Name, npoName, today.AddMonths(-2), orgAdmin, now);
        db.LedgerEntries.AddRange(paidOut, paidIn);
        db.GrantReports.Add(new GrantReport(award.Id, GrantReportKind.Progress,
            "居場所を月4回開き、延べ180人が参加しました。見守りの訪問先は12軒に広がりました。", 210_000m, orgAdmin, now));

        var open = Programme(fund.Id, "防災と見守りの担い手づくり助成 2027", 1_500_000m, 300_000m, today.AddDays(-7), today.AddMonths(2), now,
            ["事業の目的", "担い手をどう育てるか"], ["地域の課題への効果", "実現性"]);
        open.Open();
        db.GrantProgrammes.Add(open);
    }

    private async Task DormantDepositAsync(Guid distributor, Guid npo, string npoName, Guid orgAdmin, Guid reviewer, DateTimeOffset now, DateOnly today)
    {
        var fund = new Fund(distributor, FundKind.DormantDeposit, "休眠預金活用 子どもの居場所事業（資金分配）", now)
        {
            Description = "休眠預金等交付金による助成を、資金分配団体として地域の実行団体に再助成します。",
            AcceptsDonations = false,
        };
        db.Funds.Add(fund);
        var programme = Programme(fund.Id, "休眠預金活用事業 子どもの居場所 実行団体公募", 6_000_000m, 3_000_000m, today.AddMonths(-6), today.AddMonths(-5), now,
            ["解決したい社会課題", "事業の成果目標（ロジックモデル）"], ["社会課題の明確さ", "成果目標の妥当性", "評価の計画"]);
        programme.Close();
        db.GrantProgrammes.Add(programme);
        var funding = new GrantFunding(programme.Id, "指定活用団体（休眠預金等交付金）", 8_000_000m, today.AddMonths(-7), now);
        db.GrantFundings.Add(funding);
        db.LedgerEntries.Add(funding.Record(fund.Id, programme.Title));
        var cost = new GrantEvaluationCost(programme.Id, "外部評価の専門家（デモ）", "事前評価の伴走支援", 150_000m, today.AddMonths(-3), now);
        db.GrantEvaluationCosts.Add(cost);
        db.LedgerEntries.Add(cost.Record(fund.Id, programme.Title));

        var application = Application(programme, npo, orgAdmin, "地域ボランティアによる子どもの居場所の拡充", 3_000_000m, now);
        db.GrantReviewers.Add(new GrantReviewer(programme.Id, reviewer, now));
        var review = new GrantReview(application.Id, reviewer);
        review.Score([4, 4, 5], "ロジックモデルと指標が具体的で、評価の計画が立っています。", now);
        db.GrantReviews.Add(review);
        application.Award(now);
        var award = new GrantAward(application, fund.Id, 2_800_000m, "事前・中間・事後の評価をロジックモデルで行うこと。", today.AddMonths(-4), orgAdmin);
        db.GrantAwards.Add(award);
        var model = await db.LogicModels.Where(m => m.OrganizationId == npo).OrderBy(m => m.Title).FirstOrDefaultAsync();
        var first = new GrantInstalment(award.Id, today.AddMonths(-3), 1_400_000m);
        db.GrantInstalments.AddRange(first, new GrantInstalment(award.Id, today.AddMonths(3), 1_400_000m));
        if (model is null) return;
        award.LogicModelId = model.Id;
        if (!await db.EvaluationSnapshots.AnyAsync(s => s.LogicModelId == model.Id && s.Phase == EvaluationPhase.Pre))
        {
            var content = await SnapshotContent.TakeAsync(db, values, model, today, CancellationToken.None);
            db.EvaluationSnapshots.Add(new EvaluationSnapshot(model.Id, EvaluationPhase.Pre, "休眠預金活用事業の事前評価", content.Serialize(), orgAdmin, now));
        }
        var (paidOut, paidIn) = first.Pay(award, fund.Name, npoName, today.AddMonths(-3), orgAdmin, now);
        db.LedgerEntries.AddRange(paidOut, paidIn);
    }

    private static GrantProgramme Programme(Guid fundId, string title, decimal budget, decimal max, DateOnly opens, DateOnly closes, DateTimeOffset now,
        List<string> questions, List<string> criteria) =>
        new(fundId, now)
        {
            Title = title,
            Description = "地域の団体の活動を支える助成です。",
            Budget = budget,
            MaxPerGrant = max,
            OpensOn = opens,
            ClosesOn = closes,
            EligibleLegalForms = [LegalForm.NpoCorporation, LegalForm.CertifiedNpoCorporation, LegalForm.Unincorporated, LegalForm.GeneralIncorporatedAssociation],
            Questions = questions,
            Criteria = criteria,
        };

    private GrantApplication Application(GrantProgramme programme, Guid organization, Guid by, string title, decimal amount, DateTimeOffset now)
    {
        var application = new GrantApplication(programme.Id, organization, by, title, now)
        {
            Summary = "地域の住民ボランティアと協力し、子どもと高齢者が集える居場所を週1回開きます。",
            RequestedAmount = amount,
            Answers = programme.Questions.Select(_ => "応募書類のとおりです（デモ）。").ToList(),
        };
        application.Submit(now);
        db.GrantApplications.Add(application);
        return application;
    }
}
