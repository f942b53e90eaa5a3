using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Platform;

namespace Tsunagari.Features.Collaboration.Dialogue;

/// <summary>
/// The public page of a place for dialogue: when and where, theme and agenda, accessibility, registration (on the
/// opportunity's page), how many attended by kind (never who), the minutes and the follow-up actions.
/// </summary>
[AllowAnonymous]
public sealed class MeetingModel(AppDbContext db, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    public MeetingLoad Load { get; private set; } = null!;
    public DialogueMeeting Meeting => Load.Meeting;
    public MeetingFigures.Timing When { get; private set; } = null!;
    public MeetingFigures.Registration Registration { get; private set; } = null!;
    public MeetingFigures.Attendance Attendance { get; private set; } = null!;
    public IReadOnlyList<FollowUpAction> Actions { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var load = await MeetingLoad.FindAsync(db, authorization, User, id, tracked: false, cancellationToken);
        if (load is null) return NotFound();
        Load = load;
        var now = clock.GetUtcNow();
        Today = JapanTime.Date(now);
        When = MeetingFigures.WhenOf(load.Opportunity, now);
        Registration = (await MeetingFigures.RegistrationAsync(db, [(load.Opportunity, When.Occurrence)], cancellationToken))[load.Opportunity.Id];
        Attendance = await MeetingFigures.AttendanceAsync(db, load.Opportunity.Id, cancellationToken);
        Actions = await db.FollowUpActions.AsNoTracking().Where(a => a.MeetingId == id).OrderBy(a => a.DueOn).ThenBy(a => a.CreatedAt).ToListAsync(cancellationToken);
        return Page();
    }
}
