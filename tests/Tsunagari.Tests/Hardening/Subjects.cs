using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tsunagari.Data;
using Tsunagari.Features.Collaboration;
using Tsunagari.Features.Collaboration.Pilots;
using Tsunagari.Features.Engagement;
using Tsunagari.Features.ProBono;

namespace Tsunagari.Tests.Hardening;

/// <summary>
/// Things of one organization that routes name by id (/signups/{id}, /hours-reports/{id}, …), most of them its founder's:
/// what the authorization matrix and the bad-input properties ask about, so that those handlers are reached, not just 404.
/// </summary>
public sealed record Subjects(Guid Founder, Guid SignUp, Guid HoursReport, Guid Certificate, Guid Challenge, Guid Round, Guid Regular, Guid Assignment,
    Guid Project, Guid HandOverItem, Guid ExpertSession, Guid Deliverable, Guid Case)
{
    public static async Task<Subjects> CreateAsync(TestApp app, Guid organizationId, Guid opportunityId)
    {
        ArgumentNullException.ThrowIfNull(app);
        var regular = (await app.CreateAccountAsync($"regular-{Guid.NewGuid():N}@example.jp")).Account.Id;
        var professional = (await app.CreateAccountAsync($"professional-{Guid.NewGuid():N}@example.jp")).Account.Id;
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var founder = await db.Memberships.Where(m => m.OrganizationId == organizationId).Select(m => m.AccountId).FirstAsync();
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        // A confirmed sign-up (a bodyless cancel, approve or decline changes nothing), a report and a certificate of hours.
        var signUp = new Tsunagari.Features.Engagement.SignUp(opportunityId, organizationId, founder, Tsunagari.Features.Engagement.SignUp.WholeOpportunity, now) { Status = SignUpStatus.Confirmed, Seat = 1 };
        var report = new HoursReport(founder, organizationId, today.AddDays(-1), 2, "表の報告", [], now);
        var certificate = new Certificate("2000-0001", organizationId, founder, "表の人", today.AddYears(-1), today, 1, 2, "", founder, now);
        // A pro bono challenge waiting for review, and a round with another challenge's team in the making: a professional
        // proposed for it, the coordinator's draft to lock, unlock, remove or replace. A removed member stays in the round
        // (withdrawn), so later requests still find it and are told it can no longer change.
        var challenge = new Challenge(organizationId, founder, Details("表の課題"), now);
        var round = new MatchingRound("表の回", 3, 5, founder, now);
        var staffed = new Challenge(organizationId, founder, Details("表の編成中の課題"), now);
        staffed.Accept(founder, "", now);
        staffed.AddToRound(round.Id, round.DefaultMinSize, round.DefaultMaxSize, now);
        var assignment = new RoundAssignment(round.Id, staffed.Id, professional, "design", 3, false, now);
        // A staffed challenge's project, with a point of its hand-over checklist.
        var done = new Challenge(organizationId, founder, Details("表のプロジェクトの課題"), now);
        done.Accept(founder, "", now);
        done.AddToRound(round.Id, round.DefaultMinSize, round.DefaultMaxSize, now);
        done.MarkStaffed(now);
        var project = new ProBonoProject(done, round.Id, today, now);
        var item = new HandOverItem(project.Id, "表の引き継ぎ", 0);
        // A link the founder added to that project's deliverables, and another project, completed, that the organization
        // agreed to show in the public case library.
        var deliverable = ProjectDeliverable.Link(project.Id, "表の成果物", DeliverableKind.Website, new Uri("https://example.jp/deliverable"), founder, now);
        var shown = new Challenge(organizationId, founder, Details("表の事例の課題"), now);
        shown.Accept(founder, "", now);
        shown.AddToRound(round.Id, round.DefaultMinSize, round.DefaultMaxSize, now);
        shown.MarkStaffed(now);
        var completed = new ProBonoProject(shown, round.Id, today, now);
        completed.CompletePhase(ProjectPhaseKind.Review, today, now);
        var published = new ProBonoCase(completed, "表の課題の説明", "表のつくったもの", "表の結果", true, founder, now);
        // A regular gone quiet: three activities (参加), the last over 90 days ago, and not a member, so that the admins
        // may both re-invite them and invite them to co-plan. Written as the journey service would have computed it.
        var journey = new Journey(regular, organizationId)
        {
            Stage = JourneyStage.Participation,
            Activities = 3,
            FirstActivityAt = now.AddDays(-150),
            StageSince = now.AddDays(-100),
            LastActivityAt = now.AddDays(-100),
        };
        // An expert session the organization asked for, waiting for a coordinator to find a professional.
        var session = new Tsunagari.Features.ProBono.ExpertSession(organizationId, founder, "表の相談", "accounting", WorkMode.Online, null,
            [now.AddDays(30)], Tsunagari.Features.ProBono.ExpertSession.DefaultDuration, now);
        db.AddRange(signUp, report, certificate, challenge, round, staffed, assignment, journey, done, project, item, session, deliverable, shown, completed, published);
        await db.SaveChangesAsync();
        return new(founder, signUp.Id, report.Id, certificate.Id, challenge.Id, round.Id, regular, assignment.Id, project.Id, item.Id, session.Id, deliverable.Id, completed.Id)
        {
            Pilots = await PilotSubjects.CreateAsync(app, organizationId, founder),
        };
    }

    private static ChallengeDetails Details(string title) => new(title, "現状", "課題", "目標",
        DeliverableKind.Website, [new("design", 3)], 4, new DateOnly(2027, 1, 1), new DateOnly(2027, 2, 1), WorkMode.Online, null, null);

    /// <summary>The id for a route parameter that follows <paramref name="segment"/> ("signups" → the sign-up), or null.</summary>
    public Guid? For(string segment) => segment switch
    {
        "signups" => SignUp,
        "hours-reports" => HoursReport,
        "certificates" => Certificate,
        "challenges" => Challenge,
        "rounds" => Round,
        "projects" => Project,
        "expert-sessions" => ExpertSession,
        "cases" => Case,
        _ => Pilots?.For(segment),
    };

    /// <summary>The adopted proposal, its pilot and a milestone (collaboration after adoption).</summary>
    public PilotSubjects? Pilots { get; init; }
}

/// <summary>
/// An adopted proposal by the subject organization's founder, its agreement signed by both sides, its pilot (running, with a
/// final report, so that the decision's handler is reached) and one milestone of it.
/// </summary>
public sealed record PilotSubjects(Guid Proposal, Guid Pilot, Guid Milestone)
{
    public static async Task<PilotSubjects> CreateAsync(TestApp app, Guid organizationId, Guid founder)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTimeOffset.UtcNow;
        var call = new CollaborationCall(new CallDetails(CallKind.CitizenProposed, "表の募集", "表のテーマ", "", "表の課", 1_000_000, new DateOnly(2027, 4, 1),
            new DateOnly(2028, 3, 31), new DateOnly(2027, 2, 28), [new RubricCriterion(1, "表の基準", "", 10)], null), founder, now);
        call.Open(now);
        call.StartReview(now);
        var proposal = new CollaborationProposal(call.Id, founder, new ProposalDetails(organizationId, [], "表の提案", "表の目標", "計画", "役割", 100_000,
            new DateOnly(2027, 5, 1), new DateOnly(2027, 10, 31), "表の場所", null), now);
        proposal.Submit(now);
        proposal.Decide(ProposalStatus.Adopted, "表の理由", "", founder, now);
        var agreement = new CollaborationAgreement(proposal.Id, new AgreementDetails([new(AgreementParty.Government, "表の役割"), new(AgreementParty.Partner, "表の役割")],
            0, 0, new DateOnly(2027, 5, 1), new DateOnly(2027, 10, 31), "表の範囲", "表の報告"), now);
        agreement.Sign(AgreementParty.Government, "表の署名", founder, now);
        agreement.Sign(AgreementParty.Partner, "表の署名", founder, now);
        db.AddRange(call, proposal, agreement);
        var pilot = await StartPilot.RunAsync(db, proposal, call, founder, now, CancellationToken.None);
        var milestone = new PilotMilestone(pilot.Id, "表のマイルストーン", new DateOnly(2027, 6, 1));
        db.AddRange(milestone, new PilotReport(pilot.Id, PilotReportKind.Final, "表の報告", "表の成果", AgreementParty.Partner, founder, now));
        await db.SaveChangesAsync();
        return new(proposal.Id, pilot.Id, milestone.Id);
    }

    public Guid? For(string segment) => segment switch
    {
        "proposals" => Proposal,
        "pilots" => Pilot,
        _ => null,
    };
}

/// <summary>
/// A place for dialogue on the subject opportunity, with one open follow-up action: what /collaboration/dialogue/{id}
/// and its manage page's handlers are asked about.
/// </summary>
public sealed record DialogueSubjects(Guid Meeting, Guid Action)
{
    public static async Task<DialogueSubjects> CreateAsync(TestApp app, Guid opportunityId)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTimeOffset.UtcNow;
        var meeting = new Tsunagari.Features.Collaboration.DialogueMeeting(opportunityId, Tsunagari.Features.Collaboration.DialogueTheme.MutualUnderstanding, "表の議題", null, now);
        var action = new Tsunagari.Features.Collaboration.FollowUpAction(meeting.Id, "表のフォローアップ", "表の会", DateOnly.FromDateTime(now.UtcDateTime).AddDays(7), now);
        db.AddRange(meeting, action);
        await db.SaveChangesAsync();
        return new(meeting.Id, action.Id);
    }
}

/// <summary>The subject organization's initiative in the collaboration registry (㉗), for its edit, move, end and assessment routes.</summary>
public static class InitiativeSubjects
{
    public static async Task<Guid> CreateAsync(TestApp app, Guid organizationId)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var founder = await db.Memberships.Where(m => m.OrganizationId == organizationId).Select(m => m.AccountId).FirstAsync();
        var initiative = new Tsunagari.Features.Collaboration.Initiative(
            new Tsunagari.Features.Collaboration.InitiativeDetails("表の取組", "", Tsunagari.Features.Collaboration.InitiativeOwnerKind.Organization, "表の会",
                organizationId, [], [], [], [], null, null, null),
            Tsunagari.Features.Collaboration.InitiativeType.ByResidents, null, founder, DateTimeOffset.UtcNow);
        db.Initiatives.Add(initiative);
        db.InitiativeChanges.Add(initiative.Registered(founder));
        await db.SaveChangesAsync();
        return initiative.Id;
    }
}

/// <summary>
/// A trial-collaboration call, open with its deadline a month ahead, and a draft proposal to it by the subject
/// organization's founder for that organization: what the collaboration call and proposal routes are asked about.
/// </summary>
public sealed record CallSubjects(Guid Call, Guid Proposal)
{
    public static async Task<CallSubjects> CreateAsync(TestApp app, Guid founder, Guid organizationId)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTimeOffset.UtcNow;
        var today = Tsunagari.Platform.JapanTime.Date(now);
        var call = new Tsunagari.Features.Collaboration.CollaborationCall(new(Tsunagari.Features.Collaboration.CallKind.CitizenProposed, "表の募集", "表のテーマ",
            "表の説明", "表の課", 1_000_000, today.AddDays(60), today.AddDays(200), today.AddDays(30), [new(1, "表の基準", "", 10)], null), founder, now);
        call.Open(now);
        var proposal = new Tsunagari.Features.Collaboration.CollaborationProposal(call.Id, founder, new(organizationId, [], "表の提案", "表の目的", "表の計画",
            "表の役割", 100_000, today.AddDays(70), today.AddDays(100), "表の場所", null), now);
        db.AddRange(call, proposal);
        await db.SaveChangesAsync();
        return new(call.Id, proposal.Id);
    }
}

/// <summary>
/// A logic model of the subject organization with an output, a manual indicator measured once (with evidence), a frozen
/// pre-evaluation and an impact map with one outcome, shared under a report link: what the impact routes are asked about.
/// </summary>
public sealed record ImpactSubjects(Guid Model, Guid Indicator, Guid Measurement, string ShareToken)
{
    public static async Task<ImpactSubjects> CreateAsync(TestApp app, Guid organizationId)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var founder = await db.Memberships.Where(m => m.OrganizationId == organizationId).Select(m => m.AccountId).FirstAsync();
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var model = new Tsunagari.Features.ImpactEvaluation.LogicModel(organizationId, "表のロジックモデル", today.AddMonths(-6), today.AddMonths(6), founder, now);
        var output = model.AddElement(Tsunagari.Features.ImpactEvaluation.ElementKind.Output, "講座の開催");
        var token = model.Share();
        db.LogicModels.Add(model);
        var indicator = new Tsunagari.Features.ImpactEvaluation.Indicator(model.Id, output.Id, "参加者の満足度", Tsunagari.Features.ImpactEvaluation.IndicatorSource.Manual, now);
        db.Indicators.Add(indicator);
        var measurement = new Tsunagari.Features.ImpactEvaluation.Measurement(indicator.Id, today, 80, "", null, founder, now);
        db.MeasurementEvidence.Add(measurement.AttachEvidence("survey.pdf", "application/pdf", "%PDF-1.4\n"u8.ToArray()));
        db.Measurements.Add(measurement);
        var map = new Tsunagari.Features.ImpactEvaluation.ImpactMap(model.Id, now);
        map.Investments.Add(new("助成金", 1_000_000m, null, null));
        map.Outcomes.Add(new Tsunagari.Features.ImpactEvaluation.ImpactOutcome(map.Id, 1) { Stakeholder = "参加者", Name = "孤立の解消", Quantity = 10, Proxy = 50_000m });
        db.ImpactMaps.Add(map);
        db.EvaluationSnapshots.Add(new(model.Id, Tsunagari.Features.ImpactEvaluation.EvaluationPhase.Pre, "", "{}", founder, now));
        await db.SaveChangesAsync();
        return new(model.Id, indicator.Id, measurement.Id, token);
    }
}
