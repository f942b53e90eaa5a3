using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;

namespace Tsunagari.Features.Collaboration.Pilots;

/// <summary>
/// What is published about pilots, for the results page and the API: the proposal, the organization (never a person),
/// the milestones, the final report's results against the goals, both sides' evaluations and the decision that followed.
/// Evaluations are shown once both sides have answered, so that the public page never tells one side the other's answers.
/// </summary>
public static class ReadPilotResults
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public sealed record Milestone(string Title, DateOnly DueOn, DateOnly? ReachedOn);

    public sealed record QuestionRating(int Number, string Question, int Rating);

    public sealed record SideEvaluation(
        [property: JsonConverter(typeof(JsonStringEnumConverter<AgreementParty>))] AgreementParty Side,
        double Average,
        IReadOnlyList<QuestionRating> Ratings);

    public sealed record PilotResult(
        Guid Id,
        Guid ProposalId,
        string ProposalTitle,
        Guid? OrganizationId,
        string? Organization,
        Guid CallId,
        string Call,
        Guid InitiativeId,
        DateTimeOffset StartedAt,
        bool Running,
        int MilestonesReached,
        IReadOnlyList<Milestone> Milestones,
        string? ResultsAgainstGoals,
        DateTimeOffset? FinalReportAt,
        IReadOnlyList<SideEvaluation> Evaluations,
        [property: JsonConverter(typeof(JsonStringEnumConverter<PilotDecision>))] PilotDecision? Decision,
        string DecisionReason,
        DateTimeOffset? DecidedAt);

    public sealed record ResultPage(int Total, int Page, int PageSize, IReadOnlyList<PilotResult> Items);

    /// <summary>The pilots, newest first.</summary>
    public static async Task<ResultPage> PageAsync(AppDbContext db, int page, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var total = await db.CollaborationPilots.CountAsync(cancellationToken);
        var pilots = await db.CollaborationPilots.AsNoTracking().OrderByDescending(p => p.StartedAt).ThenBy(p => p.Id)
            .Skip((int)Math.Min((long)(page - 1) * pageSize, int.MaxValue)).Take(pageSize).ToListAsync(cancellationToken);
        return new ResultPage(total, page, pageSize, await ResultsAsync(db, pilots, cancellationToken));
    }

    public static async Task<PilotResult?> OneAsync(AppDbContext db, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var pilots = await db.CollaborationPilots.AsNoTracking().Where(p => p.Id == id).ToListAsync(cancellationToken);
        return (await ResultsAsync(db, pilots, cancellationToken)).SingleOrDefault();
    }

    /// <summary>The results of the pilots of the proposals given, by proposal.</summary>
    public static async Task<IReadOnlyDictionary<Guid, PilotResult>> ForProposalsAsync(AppDbContext db, IReadOnlyCollection<Guid> proposalIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var pilots = await db.CollaborationPilots.AsNoTracking().Where(p => proposalIds.Contains(p.ProposalId)).ToListAsync(cancellationToken);
        return (await ResultsAsync(db, pilots, cancellationToken)).ToDictionary(r => r.ProposalId);
    }

    /// <summary>A fixed number of queries for any number of pilots.</summary>
    private static async Task<List<PilotResult>> ResultsAsync(AppDbContext db, List<CollaborationPilot> pilots, CancellationToken cancellationToken)
    {
        if (pilots.Count == 0) return [];
        var ids = pilots.Select(p => p.Id).ToList();
        var proposalIds = pilots.Select(p => p.ProposalId).ToList();
        var proposals = await db.CollaborationProposals.AsNoTracking().Where(p => proposalIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Title, p.OrganizationId, p.CallId }).ToDictionaryAsync(p => p.Id, cancellationToken);
        var callIds = proposals.Values.Select(p => p.CallId).Distinct().ToList();
        var calls = await db.CollaborationCalls.AsNoTracking().Where(c => callIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Title, cancellationToken);
        var organizationIds = proposals.Values.Where(p => p.OrganizationId is not null).Select(p => p.OrganizationId!.Value).Distinct().ToList();
        var organizations = await db.Organizations.AsNoTracking().Where(o => organizationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var milestones = (await db.PilotMilestones.AsNoTracking().Where(m => ids.Contains(m.PilotId)).ToListAsync(cancellationToken)).ToLookup(m => m.PilotId);
        var finals = (await db.PilotReports.AsNoTracking().Where(r => ids.Contains(r.PilotId) && r.Kind == PilotReportKind.Final)
            .Select(r => new { r.PilotId, r.ResultsAgainstGoals, r.SubmittedAt }).ToListAsync(cancellationToken)).ToLookup(r => r.PilotId);
        var evaluations = (await db.PilotEvaluations.AsNoTracking().Where(e => ids.Contains(e.PilotId)).ToListAsync(cancellationToken))
            .Where(e => e.Ratings.Count == PilotEvaluation.Questions.Count).ToLookup(e => e.PilotId);
        return pilots.Select(pilot =>
        {
            var proposal = proposals[pilot.ProposalId];
            var steps = milestones[pilot.Id].OrderBy(m => m.DueOn).ThenBy(m => m.Title, StringComparer.Ordinal).Select(m => new Milestone(m.Title, m.DueOn, m.ReachedOn)).ToList();
            var final = finals[pilot.Id].MaxBy(r => r.SubmittedAt);
            var answered = evaluations[pilot.Id].OrderBy(e => e.Side).ToList();
            var shown = answered.Count == 2 ? answered.Select(Evaluation).ToList() : [];
            return new PilotResult(pilot.Id, pilot.ProposalId, proposal.Title, proposal.OrganizationId,
                proposal.OrganizationId is { } o ? organizations.GetValueOrDefault(o) : null, proposal.CallId, calls.GetValueOrDefault(proposal.CallId, ""),
                pilot.InitiativeId, pilot.StartedAt, pilot.IsRunning, steps.Count(m => m.ReachedOn is not null), steps,
                final?.ResultsAgainstGoals, final?.SubmittedAt, shown, pilot.Decision, pilot.DecisionReason, pilot.DecidedAt);
        }).ToList();
    }

    private static SideEvaluation Evaluation(PilotEvaluation e) =>
        new(e.Side, Math.Round(e.Ratings.Average(), 2), e.Ratings.Select((r, i) => new QuestionRating(i + 1, PilotEvaluation.Questions[i], r)).ToList());
}
