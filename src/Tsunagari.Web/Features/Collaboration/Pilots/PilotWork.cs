using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;

namespace Tsunagari.Features.Collaboration.Pilots;

/// <summary>A pilot and the sides of its proposal, for the pilot's pages; null when the person is on neither side.</summary>
public sealed record PilotWork(CollaborationPilot Pilot, PilotAccess Access)
{
    public static async Task<PilotWork?> ForAsync(AppDbContext db, ClaimsPrincipal user, Guid pilotId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var pilot = await db.CollaborationPilots.SingleOrDefaultAsync(p => p.Id == pilotId, cancellationToken);
        if (pilot is null) return null;
        var access = await PilotAccess.ForProposalAsync(db, user, pilot.ProposalId, cancellationToken);
        return access is null ? null : new PilotWork(pilot, access);
    }
}
