using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.Regions;

namespace Tsunagari.Features.Collaboration.Pilots;

/// <summary>
/// An agreement just in force starts the pilot: it belongs to the call's initiative, moved to ㉙ 協働の試行 if it is not
/// there yet, or else to a new ㉙ initiative made from the proposal and owned by the call's department. Added to the
/// caller's context and saved with the signature that brought the agreement into force.
/// </summary>
/// <remarks>
/// A call's initiative may have ended by the time one of its proposals' agreements comes into force (its earlier pilots
/// were all stopped, or it was ended on its page). An ended initiative is a record and does not move again, and neither
/// reopening it nor refusing the signature fits: the call's terms, its initiative among them, are fixed once it opens,
/// so a refusal would leave the adopted proposal with no way to start. The pilot then starts a new ㉙ initiative made
/// from the proposal, as for a call without one; the ended initiative keeps its history unchanged.
/// </remarks>
public static class StartPilot
{
    /// <summary>The history's reason for the move; stored in Japanese, the registry's language, and shown through the localizer.</summary>
    public const string Reason = "協定の締結により協働の試行を開始";

    public static async Task<CollaborationPilot> RunAsync(AppDbContext db, CollaborationProposal proposal, CollaborationCall call, Guid by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(call);
        if (await db.CollaborationPilots.SingleOrDefaultAsync(p => p.ProposalId == proposal.Id, cancellationToken) is { } running) return running;
        var initiative = call.InitiativeId is { } id ? await db.Initiatives.SingleOrDefaultAsync(i => i.Id == id && i.EndedAt == null, cancellationToken) : null;
        if (initiative is null)
        {
            initiative = new Initiative(Details(proposal, call), InitiativeType.Together, CollaborationStage.Pilot, by, now);
            db.Initiatives.Add(initiative);
            db.InitiativeChanges.Add(initiative.Registered(by));
        }
        else if (initiative.Type != InitiativeType.Together || initiative.Stage != CollaborationStage.Pilot)
        {
            db.InitiativeChanges.Add(initiative.Move(InitiativeType.Together, CollaborationStage.Pilot, Reason, by, now));
        }
        var pilot = new CollaborationPilot(proposal.Id, initiative.Id, now);
        db.CollaborationPilots.Add(pilot);
        return pilot;
    }

    /// <summary>The proposal as an initiative: its title, its goal as the summary, the call's department as the owner.</summary>
    private static InitiativeDetails Details(CollaborationProposal proposal, CollaborationCall call) => new(
        proposal.Title,
        proposal.Goal,
        InitiativeOwnerKind.Department,
        call.Department,
        null,
        proposal.MunicipalityCode is { } code && LocalGovernmentCode.IsValid(code) ? [code] : [],
        [],
        [],
        [],
        null,
        null,
        null);
}
