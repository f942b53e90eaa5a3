using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tsunagari.Features;
using Tsunagari.Features.Collaboration;
using Tsunagari.Features.Organizations;
using Tsunagari.Features.Regions;
using Tsunagari.Platform;

namespace Tsunagari.Data.Demo;

/// <summary>
/// Collaboration for the demo: initiatives of every type and stage across the prefecture's municipalities, an open
/// government-proposed call with its rubric, and a closed call whose adopted proposal went through its agreement, pilot,
/// reports and mutual evaluation to the decision to build it into a system. Idempotent: nothing is added once any
/// initiative exists.
/// </summary>
public sealed class DemoCollaboration(AppDbContext db, Japan japan, IOptions<TsunagariOptions> options, TimeProvider clock) : ISeed
{
    private const string Department = "市民活動推進課";

    private static readonly (string Title, InitiativeType Type, CollaborationStage? Stage, int[] Challenges, int[] Pathways, int[] Fields)[] Initiatives =
    [
        ("子ども食堂のネットワークづくり", InitiativeType.ByResidents, null, [1, 2, 7], [6, 7], [6, 13]),
        ("自治会の活動紹介とデジタル回覧板", InitiativeType.ByResidents, null, [3, 4], [2], [3]),
        ("企業の従業員ボランティア休暇の普及", InitiativeType.ByGovernment, null, [8, 11], [13], [19]),
        ("NPO向け助成の効果の調査", InitiativeType.ByGovernment, null, [23], [23], [19]),
        ("地域の担い手を育てる連続講座", InitiativeType.Together, CollaborationStage.SupportingActors, [6, 24], [4, 5], [3, 19]),
        ("買い物弱者の移動支援の試行", InitiativeType.Together, CollaborationStage.Pilot, [2, 21, 22], [3, 10], [1, 3]),
        ("空き家を活用した地域の居場所", InitiativeType.Together, CollaborationStage.Pilot, [4, 7], [3, 16], [3, 4]),
        ("防災訓練への多様な主体の参加制度", InitiativeType.Together, CollaborationStage.SupportingActors, [1, 3, 21], [1, 2], [2, 9]),
    ];

    public bool IsDemo => true;

    public async Task RunAsync()
    {
        if (await db.Initiatives.AnyAsync()) return;
        var coordinator = await db.Users.Where(u => u.Email == "coordinator@example.jp").Select(u => (Guid?)u.Id).SingleOrDefaultAsync();
        var orgAdmin = await db.Users.Where(u => u.Email == "orgadmin@example.jp").Select(u => (Guid?)u.Id).SingleOrDefaultAsync();
        var prefecture = japan.Prefecture(options.Value.Prefecture);
        if (coordinator is null || orgAdmin is null || prefecture is null) return;
        var npo = await db.Organizations.Where(o => o.Kind == OrganizationKind.Npo && o.Memberships.Any(m => m.AccountId == orgAdmin))
            .OrderBy(o => o.Name).Select(o => new { o.Id, o.Name, o.MunicipalityCodes }).FirstOrDefaultAsync();
        if (npo is null) return;
        var now = clock.GetUtcNow();
        var initiatives = AddInitiatives(prefecture, coordinator.Value, now);
        AddOpenCall(coordinator.Value, now);
        AddCompletedPilot(initiatives[^1], npo.Id, npo.MunicipalityCodes.FirstOrDefault(), coordinator.Value, orgAdmin.Value, now);
        await db.SaveChangesAsync();
    }

    private List<Initiative> AddInitiatives(Prefecture prefecture, Guid coordinator, DateTimeOffset now)
    {
        var initiatives = new List<Initiative>();
        for (var i = 0; i < Initiatives.Length; i++)
        {
            var (title, type, stage, challenges, pathways, fields) = Initiatives[i];
            var municipality = prefecture.Municipalities[i * 3 % prefecture.Municipalities.Count];
            var heading = type == InitiativeType.Together && stage != CollaborationStage.System
                ? (InitiativeType?)InitiativeType.Together : type == InitiativeType.ByGovernment ? InitiativeType.Together : null;
            var targetStage = heading is null ? null : (CollaborationStage?)(stage is { } s ? s + 1 : CollaborationStage.SupportingActors);
            var details = new InitiativeDetails(
                $"{municipality.Name}の{title}", $"{municipality.Name}で進めている「{title}」の取組です。", InitiativeOwnerKind.Department,
                $"{municipality.Name} {Department}", null, [municipality.Code], fields, challenges, pathways,
                heading, targetStage, heading is null ? null : DateOnly.FromDateTime(now.UtcDateTime).AddMonths(12));
            var initiative = new Initiative(details, type, stage, coordinator, now.AddDays(-400 + i * 20));
            db.Initiatives.Add(initiative);
            db.InitiativeChanges.Add(initiative.Registered(coordinator));
            initiatives.Add(initiative);
        }
        // The last one goes through the scheme below, from supporting actors to a system.
        return initiatives;
    }

    private void AddOpenCall(Guid coordinator, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var call = new CollaborationCall(new CallDetails(
            CallKind.GovernmentProposed, "高齢者の見守りを地域と協働で試行します", "見守りが必要な高齢者の把握と声かけを、地域の団体と行政がともに担う仕組みの試行",
            "行政が持つ情報と地域の団体の顔の見える関係を組み合わせ、半年間、1つの地区で見守りを試行します。", Department,
            1_500_000, today.AddMonths(3), today.AddMonths(9), today.AddDays(30), Rubric(), null), coordinator, now);
        call.Open(now);
        db.CollaborationCalls.Add(call);
    }

    private void AddCompletedPilot(Initiative initiative, Guid organization, string? municipality, Guid coordinator, Guid orgAdmin, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var call = new CollaborationCall(new CallDetails(
            CallKind.CitizenProposed, "地域の防災を協働で強くする提案", "防災訓練と災害時の助け合い",
            "地域の団体からの提案を募集し、行政と協働で1年間試行します。", Department, 1_000_000,
            today.AddMonths(-20), today.AddMonths(-8), today.AddMonths(-21), Rubric(), initiative.Id), coordinator, now.AddMonths(-23));
        call.Open(now.AddMonths(-23));
        call.StartReview(now.AddMonths(-21));
        var proposal = new CollaborationProposal(call.Id, orgAdmin, new ProposalDetails(
            organization, [], "誰もが参加できる防災訓練", "障害のある人、外国人、子育て中の人も参加できる訓練を地区ごとに開く",
            "地区の自治会・NPO・消防と実行委員会をつくり、年2回の訓練を企画・実施する", "団体：企画と参加の呼びかけ／行政：会場・資機材と関係機関の調整",
            800_000, today.AddMonths(-20), today.AddMonths(-8), "市内の2地区", municipality), now.AddMonths(-22));
        proposal.Submit(now.AddMonths(-22));
        proposal.Decide(ProposalStatus.Adopted, "多様な住民の参加を具体的に設計しており、協働の効果が大きいため。", "", coordinator, now.AddMonths(-21));
        call.Close(now.AddMonths(-21));
        var agreement = new CollaborationAgreement(proposal.Id, new AgreementDetails(
            [new(AgreementParty.Government, "会場と資機材の手配、消防・警察との調整"), new(AgreementParty.Partner, "訓練の企画、参加の呼びかけ、当日の運営")],
            500_000, 300_000, today.AddMonths(-20), today.AddMonths(-8), "2地区の自治会の区域", "四半期ごとの進捗報告と最終報告"), now.AddMonths(-21));
        agreement.Sign(AgreementParty.Government, $"{Department}長", coordinator, now.AddMonths(-21));
        agreement.Sign(AgreementParty.Partner, "理事長", orgAdmin, now.AddMonths(-21));
        var pilot = new CollaborationPilot(proposal.Id, initiative.Id, now.AddMonths(-21));
        var first = new PilotMilestone(pilot.Id, "第1回訓練", today.AddMonths(-16));
        first.Reach(today.AddMonths(-16));
        var second = new PilotMilestone(pilot.Id, "第2回訓練", today.AddMonths(-10));
        second.Reach(today.AddMonths(-10));
        var ratings = new[] { 4, 5, 4, 4, 5 };
        var government = new PilotEvaluation(pilot.Id, AgreementParty.Government);
        government.Answer(ratings, "地域の団体の呼びかけで、行政だけでは届かない人が参加した。", coordinator, now.AddMonths(-8));
        var partner = new PilotEvaluation(pilot.Id, AgreementParty.Partner);
        partner.Answer([5, 4, 3, 4, 5], "会場と関係機関の調整が早く、企画に集中できた。", orgAdmin, now.AddMonths(-8));
        pilot.Decide(PilotDecision.Institutionalize, "2回の訓練で参加者が倍増し、地区の自主運営の目処が立ったため、他地区にも広げる制度とする。", coordinator, now.AddMonths(-7));
        db.AddRange(call, proposal, agreement, pilot, first, second, government, partner);
        db.PilotReports.AddRange(
            new PilotReport(pilot.Id, PilotReportKind.Progress, "第1回訓練に120人が参加した。", "", AgreementParty.Partner, orgAdmin, now.AddMonths(-16)),
            new PilotReport(pilot.Id, PilotReportKind.MidTermReflection, "障害のある人の参加に手話通訳が必要とわかり、第2回から手配した。", "", AgreementParty.Government, coordinator, now.AddMonths(-14)),
            new PilotReport(pilot.Id, PilotReportKind.Final, "2回の訓練を実施した。", "目標の参加者200人に対し、延べ260人が参加。うち要配慮者の参加は38人（目標30人）。", AgreementParty.Partner, orgAdmin, now.AddMonths(-8)));
        db.InitiativeChanges.AddRange(
            initiative.Move(InitiativeType.Together, CollaborationStage.Pilot, "協定の締結により協働の試行を開始", coordinator, now.AddMonths(-21)),
            initiative.Move(InitiativeType.Together, CollaborationStage.System, pilot.DecisionReason, coordinator, now.AddMonths(-7)));
    }

    private static RubricCriterion[] Rubric() =>
    [
        new(1, "協働の必要性", "行政と地域がともに取り組む理由が明確か", 20),
        new(2, "実現性", "計画・体制・予算が現実的か", 20),
        new(3, "効果", "地域の課題解決への効果が見込めるか", 20),
        new(4, "継続性", "試行の後に仕組みとして続く見通しがあるか", 20),
    ];
}
