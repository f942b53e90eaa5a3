using Microsoft.EntityFrameworkCore;
using Tsunagari.Features;
using Tsunagari.Features.ImpactEvaluation;
using Tsunagari.Features.Insights;
using Tsunagari.Features.Organizations;
using Tsunagari.Platform;

namespace Tsunagari.Data.Demo;

/// <summary>
/// A collective impact initiative for the demo, shaped like the children's places networks (子どもの居場所ネットワーク)
/// many municipalities have: an NPO as the backbone, a neighbourhood association, a company, a school and the
/// municipality as partners; two shared indicators reported every quarter (the latest ended quarter still missing the
/// company's values), each partner's activities, and a monthly communication log with one long gap. Idempotent: nothing
/// is added once any initiative exists.
/// </summary>
public sealed class DemoInsightsCollective(AppDbContext db, TimeProvider clock) : ISeed
{
    private static readonly OrganizationKind[] PartnerKinds =
        [OrganizationKind.NeighbourhoodAssociation, OrganizationKind.Company, OrganizationKind.EducationalInstitution, OrganizationKind.Government];

    private static readonly Dictionary<OrganizationKind, (string Role, string Activity, string Description)> Roles = new()
    {
        [OrganizationKind.Npo] = ("事務局・子ども食堂の運営", "週2回の子ども食堂と学習支援", "公民館で夕食と宿題の時間をひらき、学習支援の大学生ボランティアをつなぎます。"),
        [OrganizationKind.NeighbourhoodAssociation] = ("見守りと会場の提供", "登下校の見守りと集会所の開放", "自治会の集会所を放課後に開け、見守りの声かけで子どもを居場所につなぎます。"),
        [OrganizationKind.Company] = ("食材と社員ボランティア", "食材の寄付と社員の学習支援", "毎月の食材の寄付と、社員ボランティア休暇を使った学習支援を行います。"),
        [OrganizationKind.EducationalInstitution] = ("気になる子どもの紹介", "スクールソーシャルワーカーとの連携", "支援が必要な子どもと家庭に、保護者の同意を得て居場所を紹介します。"),
        [OrganizationKind.Government] = ("制度との接続と広報", "子育て支援窓口からの紹介と広報", "児童扶養手当の窓口や広報紙で居場所を知らせ、必要な制度につなぎます。"),
    };

    public bool IsDemo => true;

    public async Task RunAsync()
    {
        if (await db.CollectiveInitiatives.AnyAsync()) return;
        var orgAdmin = await db.Users.Where(u => u.Email == "orgadmin@example.jp").Select(u => (Guid?)u.Id).SingleOrDefaultAsync();
        if (orgAdmin is null) return;
        var backbone = await db.Organizations.Where(o => o.Kind == OrganizationKind.Npo && o.Memberships.Any(m => m.AccountId == orgAdmin && m.Role == MembershipRole.Admin))
            .OrderBy(o => o.Name).FirstOrDefaultAsync();
        if (backbone is null) return;
        var partners = new List<Organization> { backbone };
        foreach (var kind in PartnerKinds)
        {
            // Prefer partners in the backbone's municipality, as a local network would be.
            var partner = await db.Organizations.Where(o => o.Kind == kind && o.MunicipalityCodes.Any(c => backbone.MunicipalityCodes.Contains(c))).OrderBy(o => o.Name).FirstOrDefaultAsync()
                ?? await db.Organizations.Where(o => o.Kind == kind).OrderBy(o => o.Name).FirstOrDefaultAsync();
            if (partner is not null) partners.Add(partner);
        }
        var now = clock.GetUtcNow();
        var today = JapanTime.Date(now);
        var start = CollectivePeriod.Of(ReportingCadence.Quarterly, today.AddMonths(-15)).Start;
        var initiative = AddInitiative(backbone, orgAdmin.Value, start, now);
        var indicators = AddIndicators(initiative, now);
        foreach (var p in partners) db.CollectivePartners.Add(new CollectivePartner(initiative.Id, p.Id, Roles[p.Kind].Role, start));
        AddSubmissions(initiative, partners, indicators, orgAdmin.Value, today, now);
        foreach (var p in partners)
        {
            var (_, title, description) = Roles[p.Kind];
            db.CollectiveActivities.Add(new CollectiveActivity(initiative.Id, p.Id, title, description,
                p.Kind == OrganizationKind.NeighbourhoodAssociation ? [indicators[0].Id] : indicators.Select(i => i.Id), CollectiveActivityStatus.Ongoing, now));
        }
        AddLog(initiative, partners, orgAdmin.Value, start, today, now);
        await db.SaveChangesAsync();
    }

    private CollectiveInitiative AddInitiative(Organization backbone, Guid orgAdmin, DateOnly start, DateTimeOffset now)
    {
        var model = new LogicModel(backbone.Id, "子どもの居場所ネットワーク", start, start.AddYears(3).AddDays(-1), orgAdmin, now)
        {
            Subject = LogicModelSubject.Programme,
            Purpose = "経済的に苦しい家庭の子どもが、放課後や夕方に安心して過ごせる場所と、学びを支える大人に出会えていない。",
        };
        model.AddElement(ElementKind.MediumTermOutcome, "地域のどの子どもも、歩いて行ける居場所と信頼できる大人につながっている。");
        db.LogicModels.Add(model);
        var initiative = new CollectiveInitiative("子どもの居場所ネットワーク", backbone.Id, model.Id, start, orgAdmin, now)
        {
            Problem = model.Purpose,
            Goal = "地域のどの子どもも、歩いて行ける居場所と信頼できる大人につながっている。",
            TheoryOfChange = "学校と行政が支援の必要な子どもを居場所に紹介し、自治会が会場と見守りを、企業が食材と人手を出し、NPOが運営と学習支援を担う。つながった子どもが継続して通い、学習と生活の困りごとが早く見つかるようになる。",
            Cadence = ReportingCadence.Quarterly,
            CommunicationIntervalDays = 45,
        };
        initiative.SetMunicipalities(backbone.MunicipalityCodes);
        db.CollectiveInitiatives.Add(initiative);
        return initiative;
    }

    private List<Indicator> AddIndicators(CollectiveInitiative initiative, DateTimeOffset now)
    {
        var element = db.ChangeTracker.Entries<LogicModel>().Single(e => e.Entity.Id == initiative.LogicModelId).Entity.Elements[0].Id;
        var indicators = new List<Indicator>
        {
            new(initiative.LogicModelId, element, "居場所を利用した子どもの数", IndicatorSource.Manual, now)
            {
                Unit = "人", Definition = "期間中に1回以上、パートナーの居場所や見守りの場を利用した子どもの実人数（各団体の名簿による）。",
            },
            new(initiative.LogicModelId, element, "学習支援や制度につないだ件数", IndicatorSource.Manual, now)
            {
                Unit = "件", Definition = "期間中に学習支援、就学援助、子育て支援の窓口などにつないだ件数。",
            },
        };
        db.Indicators.AddRange(indicators);
        for (var i = 0; i < indicators.Count; i++) db.CollectiveIndicators.Add(new CollectiveIndicator(initiative.Id, indicators[i].Id, i + 1));
        return indicators;
    }

    private void AddSubmissions(CollectiveInitiative initiative, List<Organization> partners, List<Indicator> indicators, Guid by, DateOnly today, DateTimeOffset now)
    {
        var ended = initiative.PeriodsUntil(today).Where(p => p.End < today).ToList();
        for (var n = 0; n < ended.Count; n++)
        {
            var period = ended[n];
            foreach (var (partner, k) in partners.Select((p, k) => (p, k)))
            {
                // The company has not yet reported the latest ended quarter.
                if (n == ended.Count - 1 && partner.Kind == OrganizationKind.Company) continue;
                var children = 12 + (k * 7) + (n * 3);
                db.CollectiveSubmissions.Add(new CollectiveSubmission(initiative.Id, partner.Id, indicators[0].Id, period.Start, children, "", by, now));
                db.CollectiveSubmissions.Add(new CollectiveSubmission(initiative.Id, partner.Id, indicators[1].Id, period.Start, 2 + k + n, "", by, now));
            }
        }
    }

    private void AddLog(CollectiveInitiative initiative, List<Organization> partners, Guid by, DateOnly start, DateOnly today, DateTimeOffset now)
    {
        // Monthly meetings with a newsletter between, and one long summer break that the log page flags.
        var date = start.AddDays(10);
        var n = 0;
        while (date < today.AddDays(-20))
        {
            var kind = n % 3 == 2 ? CommunicationKind.Newsletter : CommunicationKind.Meeting;
            var next = date.AddDays(n == 4 ? 75 : 30);
            var summary = kind == CommunicationKind.Meeting
                ? "連絡会。各団体の利用状況と、気になる子どもの情報共有の手順を確認した。"
                : "ニュースレターで今期の利用者数と、新しく加わった社員ボランティアを紹介した。";
            db.CollectiveLogEntries.Add(new CollectiveLogEntry(initiative.Id, date, kind, summary,
                kind == CommunicationKind.Meeting ? partners.Select(p => p.Id) : [], next, by, now));
            date = next;
            n++;
        }
    }
}
