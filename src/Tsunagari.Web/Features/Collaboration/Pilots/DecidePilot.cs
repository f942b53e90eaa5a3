using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;

namespace Tsunagari.Features.Collaboration.Pilots;

/// <summary>
/// The government's decision after a pilot, which updates the registry, each with the decision's reasons:
/// institutionalizing moves the initiative to ㉙ 制度づくり; continuing leaves it where it is and writes the decision into
/// its history (the pilot keeps only its latest decision, so an earlier "continue" and its reasons survive there);
/// stopping ends the initiative only when no other pilot on it goes on. Several pilots can share one initiative (all the
/// adopted proposals of a call share the call's), so the initiative stays while another of its pilots still runs or has
/// been built into a system; it ends with the last one stopped. An ended initiative is a record and does not change, so a
/// pilot on one (ended on its page while the pilot ran) can only be stopped (<see cref="Allowed"/>). The caller checks
/// that the final report exists and saves.
/// </summary>
public static class DecidePilot
{
    /// <summary>The longest reason both the pilot and the initiative's history keep whole.</summary>
    public const int MaxReasonLength = Initiative.MaxReasonLength;

    /// <summary>Whether the decision can be recorded on a pilot of this initiative: on an ended one, only stopping.</summary>
    public static bool Allowed(Initiative initiative, PilotDecision decision)
    {
        ArgumentNullException.ThrowIfNull(initiative);
        return initiative.IsActive || decision == PilotDecision.Stop;
    }

    public static async Task RunAsync(AppDbContext db, CollaborationPilot pilot, PilotDecision decision, string reason, Guid by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(pilot);
        var initiative = await db.Initiatives.SingleAsync(i => i.Id == pilot.InitiativeId, cancellationToken);
        if (!Allowed(initiative, decision)) throw new InvalidOperationException("The pilot's initiative has ended: the pilot can only be stopped.");
        pilot.Decide(decision, reason, by, now);
        switch (decision)
        {
            case PilotDecision.Institutionalize when initiative.Type != InitiativeType.Together || initiative.Stage != CollaborationStage.System:
                db.InitiativeChanges.Add(initiative.Move(InitiativeType.Together, CollaborationStage.System, pilot.DecisionReason, by, now));
                break;
            case PilotDecision.Continue:
                db.InitiativeChanges.Add(initiative.ContinuePilot(pilot.DecisionReason, by, now));
                break;
            case PilotDecision.Stop when initiative.IsActive && !await OthersGoOnAsync(db, pilot, cancellationToken):
                db.InitiativeChanges.Add(initiative.End(pilot.DecisionReason, by, now));
                break;
        }
    }

    /// <summary>Another pilot on the same initiative that was not stopped: still running (or continued), or institutionalized.</summary>
    private static Task<bool> OthersGoOnAsync(AppDbContext db, CollaborationPilot pilot, CancellationToken cancellationToken) =>
        db.CollaborationPilots.AnyAsync(p => p.InitiativeId == pilot.InitiativeId && p.Id != pilot.Id && p.Decision != PilotDecision.Stop, cancellationToken);
}
