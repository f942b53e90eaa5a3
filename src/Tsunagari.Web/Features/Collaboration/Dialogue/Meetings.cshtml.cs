using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.Opportunities;
using Tsunagari.Platform;

namespace Tsunagari.Features.Collaboration.Dialogue;

/// <summary>Places for dialogue: upcoming and past meetings (their opportunities are public), by theme, with open follow-up actions.</summary>
[AllowAnonymous]
public sealed class MeetingsModel(AppDbContext db, TimeProvider clock) : PageModel
{
    /// <summary>Past meetings shown: the most recent ones.</summary>
    public const int PastShown = 50;

    public sealed record Row(Guid Id, Opportunity Opportunity, string OrganizationName, DialogueTheme Theme, MeetingFigures.Timing When,
        MeetingFigures.Registration Registration, int OpenActions, int OverdueActions);

    /// <summary>The theme filter, by name; anything else shows every theme.</summary>
    [BindProperty(SupportsGet = true, Name = "theme")]
    public string? ThemeText { get; set; }

    public DialogueTheme? Theme { get; private set; }
    public IReadOnlyList<Row> Upcoming { get; private set; } = [];
    public IReadOnlyList<Row> Past { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Theme = Enum.TryParse<DialogueTheme>(ThemeText, ignoreCase: false, out var t) && Enum.IsDefined(t) && !int.TryParse(ThemeText, out _) ? t : null;
        var now = clock.GetUtcNow();
        var today = JapanTime.Date(now);
        var query = from m in db.DialogueMeetings.AsNoTracking()
                    join o in db.Opportunities.AsNoTracking() on m.OpportunityId equals o.Id
                    where o.Status != OpportunityStatus.Draft
                    select new { m, o };
        if (Theme is { } theme) query = query.Where(x => x.m.Theme == theme);
        var found = await query.ToListAsync(cancellationToken);
        var organizations = found.Select(x => x.o.OrganizationId).Distinct().ToList();
        var names = await db.Organizations.AsNoTracking().Where(o => organizations.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var meetingIds = found.Select(x => x.m.Id).ToList();
        var open = await db.FollowUpActions.AsNoTracking()
            .Where(a => meetingIds.Contains(a.MeetingId) && a.DoneOn == null)
            .GroupBy(a => a.MeetingId)
            .Select(g => new { Id = g.Key, Open = g.Count(), Overdue = g.Count(a => a.DueOn < today) })
            .ToDictionaryAsync(x => x.Id, cancellationToken);
        var when = found.ToDictionary(x => x.m.Id, x => MeetingFigures.WhenOf(x.o, now));
        var registration = await MeetingFigures.RegistrationAsync(db, found.Select(x => (x.o, when[x.m.Id].Occurrence)).ToList(), cancellationToken);
        var rows = found.Select(x => new Row(x.m.Id, x.o, names.GetValueOrDefault(x.o.OrganizationId, ""), x.m.Theme, when[x.m.Id], registration[x.o.Id],
            open.TryGetValue(x.m.Id, out var a) ? a.Open : 0, a?.Overdue ?? 0)).ToList();
        Upcoming = rows.Where(r => r.When.Upcoming).OrderBy(r => r.When.Start).ToList();
        Past = rows.Where(r => !r.When.Upcoming).OrderByDescending(r => r.When.Start).Take(PastShown).ToList();
    }
}
