using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.Opportunities;

namespace Tsunagari.Features.Collaboration.Dialogue;

/// <summary>A meeting with its opportunity, organizer and the person's access; what both meeting pages start from.</summary>
public sealed record MeetingLoad(DialogueMeeting Meeting, Opportunity Opportunity, string OrganizationName, string? InitiativeTitle, DialogueAccess Access)
{
    /// <summary>Null when there is no such meeting, or its opportunity is a draft the person does not manage (404 either way).</summary>
    public static async Task<MeetingLoad?> FindAsync(AppDbContext db, IAuthorizationService authorization, ClaimsPrincipal user, Guid id, bool tracked, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var meetings = tracked ? db.DialogueMeetings : db.DialogueMeetings.AsNoTracking();
        var meeting = await meetings.SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (meeting is null) return null;
        var opportunity = await db.Opportunities.AsNoTracking().SingleAsync(o => o.Id == meeting.OpportunityId, cancellationToken);
        var access = await DialogueAccess.ForAsync(db, authorization, user, opportunity, cancellationToken);
        // A draft's meeting does not exist for anyone who may not manage it, as the draft itself does not.
        if (!opportunity.IsPublic && !access.CanManage) return null;
        var organizationName = await db.Organizations.AsNoTracking().Where(o => o.Id == opportunity.OrganizationId).Select(o => o.Name).SingleAsync(cancellationToken);
        var initiative = meeting.InitiativeId is { } initiativeId
            ? await db.Initiatives.AsNoTracking().Where(i => i.Id == initiativeId).Select(i => i.Title).SingleOrDefaultAsync(cancellationToken)
            : null;
        return new MeetingLoad(meeting, opportunity, organizationName, initiative, access);
    }
}
