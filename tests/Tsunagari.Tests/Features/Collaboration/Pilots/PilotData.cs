using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tsunagari.Data;
using Tsunagari.Features.Collaboration;
using Tsunagari.Features.Collaboration.Pilots;

namespace Tsunagari.Tests.Features.Collaboration.Pilots;

/// <summary>Calls, adopted proposals, agreements and pilots made straight in the database with the domain's own methods.</summary>
public static class PilotData
{
    public const string Department = "県民生活課";
    public const string Goal = "子どもの居場所を週3日に増やす";

    /// <summary>A call (reviewing) and a proposal to it by the organization's founder, decided as given (adopted by default).</summary>
    public static async Task<Guid> ProposalAsync(TestApp app, Guid organizationId, string title, Guid? initiativeId = null,
        ProposalStatus decision = ProposalStatus.Adopted, string conditions = "")
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var founder = await db.Memberships.Where(m => m.OrganizationId == organizationId).Select(m => m.AccountId).FirstAsync();
        var now = DateTimeOffset.UtcNow;
        var call = new CollaborationCall(new CallDetails(CallKind.CitizenProposed, title + "の募集", "子どもの居場所", "説明", Department, 1_000_000,
            new DateOnly(2027, 4, 1), new DateOnly(2028, 3, 31), new DateOnly(2027, 2, 28), [new RubricCriterion(1, "実現性", "", 10)], initiativeId), founder, now);
        call.Open(now);
        call.StartReview(now);
        var proposal = new CollaborationProposal(call.Id, founder, new ProposalDetails(organizationId, [], title, Goal, "計画", "役割", 500_000,
            new DateOnly(2027, 5, 1), new DateOnly(2027, 10, 31), "中央公民館", "121011"), now);
        proposal.Submit(now);
        if (decision != ProposalStatus.Submitted) proposal.Decide(decision, "地域の課題に合っている", conditions, founder, now);
        db.AddRange(call, proposal);
        await db.SaveChangesAsync();
        return proposal.Id;
    }

    /// <summary>An initiative (㉘ by default) for a call to belong to.</summary>
    public static async Task<Guid> InitiativeAsync(TestApp app, InitiativeType type = InitiativeType.ByGovernment, CollaborationStage? stage = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var someone = await db.Users.Select(u => u.Id).FirstAsync();
        var initiative = new Initiative(new InitiativeDetails("子どもの居場所づくり", "概要", InitiativeOwnerKind.Department, Department, null, [], [], [], [], null, null, null),
            type, stage, someone, DateTimeOffset.UtcNow);
        db.Initiatives.Add(initiative);
        db.InitiativeChanges.Add(initiative.Registered(someone));
        await db.SaveChangesAsync();
        return initiative.Id;
    }

    public static AgreementDetails Agreement() => new(
        [new(AgreementParty.Government, "会場の確保"), new(AgreementParty.Partner, "運営")], 300_000, 50_000,
        new DateOnly(2027, 5, 1), new DateOnly(2027, 10, 31), "中央公民館の1階", "毎月の進捗報告");

    /// <summary>An adopted proposal whose agreement both sides signed, and its pilot (as <see cref="StartPilot"/> starts it).</summary>
    public static async Task<(Guid ProposalId, Guid PilotId)> PilotAsync(TestApp app, Guid organizationId, string title, Guid? initiativeId = null)
    {
        var proposalId = await ProposalAsync(app, organizationId, title, initiativeId);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var proposal = await db.CollaborationProposals.SingleAsync(p => p.Id == proposalId);
        var call = await db.CollaborationCalls.SingleAsync(c => c.Id == proposal.CallId);
        var by = proposal.ProposerId!.Value;
        var now = DateTimeOffset.UtcNow;
        var agreement = new CollaborationAgreement(proposalId, Agreement(), now);
        agreement.Sign(AgreementParty.Government, "課長 行政太郎", by, now);
        agreement.Sign(AgreementParty.Partner, "代表 提案花子", by, now);
        db.CollaborationAgreements.Add(agreement);
        var pilot = await StartPilot.RunAsync(db, proposal, call, by, now, CancellationToken.None);
        await db.SaveChangesAsync();
        return (proposalId, pilot.Id);
    }

    public static async Task<T> QueryAsync<T>(TestApp app, Func<AppDbContext, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(query);
        await using var scope = app.Scope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
