using Microsoft.EntityFrameworkCore;
using Tsunagari.Features;
using Tsunagari.Features.ImpactEvaluation;
using Tsunagari.Features.ImpactEvaluation.LogicModels;
using Tsunagari.Features.Organizations;
using Tsunagari.Platform;

namespace Tsunagari.Data.Demo;

/// <summary>
/// Impact evaluation for the demo: the demo admin's first NPO evaluates its volunteer programme over the past year with
/// the volunteer template (its platform indicators count the demo's records), a survey result with targets, and an SROI
/// map. Idempotent: nothing is added once any logic model exists.
/// </summary>
public sealed class DemoImpact(AppDbContext db, TimeProvider clock) : ISeed
{
    public bool IsDemo => true;

    public async Task RunAsync()
    {
        if (await db.LogicModels.AnyAsync()) return;
        var orgAdmin = await db.Users.Where(u => u.Email == "orgadmin@example.jp").Select(u => (Guid?)u.Id).SingleOrDefaultAsync();
        if (orgAdmin is null) return;
        var npo = await db.Organizations.Where(o => o.Kind == OrganizationKind.Npo && o.Memberships.Any(m => m.AccountId == orgAdmin))
            .OrderBy(o => o.Name).Select(o => (Guid?)o.Id).FirstOrDefaultAsync();
        if (npo is null || LogicModelTemplates.Find("volunteer") is not { } template) return;

        var now = clock.GetUtcNow();
        var today = JapanTime.Date(now);
        var model = new LogicModel(npo.Value, "地域の見守りボランティア事業の評価", today.AddYears(-1), today.AddMonths(6), orgAdmin.Value, now, template.Key)
        {
            Purpose = "一人暮らしの高齢者の見守りと、子ども食堂の運営を住民ボランティアで続けるために、参加の広がりと担い手の育ちを確かめる。",
            Findings = "定例活動に続けて参加する人が増え、企画に加わる人も出てきた。満足度は目標に近づいている。",
            NextSteps = "平日夜の活動枠を設け、働く世代が参加しやすくする。",
        };
        var indicators = template.Apply(model, text => text, now);
        foreach (var indicator in indicators)
            indicator.SetTargets(indicator.Unit == "%" ? [new IndicatorTarget(model.PeriodEnd, 85m)] : []);
        db.LogicModels.Add(model);
        db.Indicators.AddRange(indicators);
        if (indicators.FirstOrDefault(i => i.Source == IndicatorSource.Survey) is { } survey)
        {
            survey.Baseline = 62m;
            survey.BaselineDate = model.PeriodStart;
            db.Measurements.Add(new Measurement(survey.Id, today.AddMonths(-1), 78m, "ふりかえりアンケート（年2回）", 41, orgAdmin.Value, now));
        }

        var map = new ImpactMap(model.Id, now);
        map.Investments.Add(new InvestmentItem("活動費の助成", 600_000m, null, null));
        map.Investments.Add(new InvestmentItem("ボランティアの時間（千葉県の最低賃金で換算）", null, 900m, 1_140m));
        map.Outcomes.Add(new ImpactOutcome(map.Id, 1)
        {
            Stakeholder = "見守りを受ける高齢者",
            Name = "孤立が和らぐ",
            Quantity = 24,
            Proxy = 36_000m,
            ProxySource = "民間の見守りサービスの年額",
            DurationYears = 2,
            Deadweight = 0.2m,
            Attribution = 0.3m,
            DropOff = 0.2m,
        });
        map.Outcomes.Add(new ImpactOutcome(map.Id, 2)
        {
            Stakeholder = "ボランティア",
            Name = "地域の担い手が育つ",
            Quantity = 6,
            Proxy = 120_000m,
            ProxySource = "地域リーダー養成講座の受講料",
            DurationYears = 3,
            Deadweight = 0.25m,
            Attribution = 0.2m,
            DropOff = 0.1m,
        });
        db.ImpactMaps.Add(map);
        await db.SaveChangesAsync();
    }
}
