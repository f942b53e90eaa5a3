using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;

namespace Tsunagari.Features.Collaboration.Pilots;

/// <summary>
/// The government's decision after a pilot, which updates the registry: institutionalizing moves the initiative to ㉙
/// 制度づくり, stopping ends it, continuing leaves it where it is; each with the decision's reasons. The caller checks
/// that the final report exists and saves.
/// </summary>
public static class DecidePilot
{
    /// <summary>The longest reason both the pilot and the initiative's history keep whole.</summary>
    public const int MaxReasonLength = Initiative.MaxReasonLength;

    public static async Task RunAsync(AppDbContext db, CollaborationPilot pilot, PilotDecision decision, string reason, Guid by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(pilot);
        pilot.Decide(decision, reason, by, now);
        var initiative = await db.Initiatives.SingleAsync(i => i.Id == pilot.InitiativeId, cancellationToken);
        switch (decision)
        {
            case PilotDecision.Institutionalize when initiative.Type != InitiativeType.Together || initiative.Stage != CollaborationStage.System:
                db.InitiativeChanges.Add(initiative.Move(InitiativeType.Together, CollaborationStage.System, pilot.DecisionReason, by, now));
                break;
            case PilotDecision.Stop when initiative.IsActive:
                db.InitiativeChanges.Add(initiative.End(pilot.DecisionReason, by, now));
                break;
        }
    }
}
