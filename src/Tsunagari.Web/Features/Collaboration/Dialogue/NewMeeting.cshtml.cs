using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Features.Engagement.SignUps;
using Tsunagari.Features.Opportunities;
using Tsunagari.Features.Organizations;
using Tsunagari.Resources;

namespace Tsunagari.Features.Collaboration.Dialogue;

/// <summary>
/// Makes an opportunity a place for dialogue: its organizers give the theme, the agenda and, if any, the initiative it
/// serves. One meeting per opportunity. Without an opportunity named, lists the ones the person organizes.
/// </summary>
[Authorize]
public sealed class NewMeetingModel(AppDbContext db, IAuthorizationService authorization, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    public const int CandidatesShown = 100;

    public sealed record Candidate(Guid Id, string Title, DateTimeOffset StartsAt, OpportunityStatus Status);

    /// <summary>The opportunity's id, as the query (?opportunity=) or the form sends it.</summary>
    [BindProperty(SupportsGet = true, Name = "opportunity")]
    public string? OpportunityText { get; set; }

    [BindProperty]
    public PlanInput Plan { get; set; } = new();

    public Opportunity? Opportunity { get; private set; }

    /// <summary>The opportunity's meeting when it already has one.</summary>
    public Guid? Existing { get; private set; }

    public IReadOnlyList<PlanInput.Choice> Initiatives { get; private set; } = [];
    public IReadOnlyList<Candidate> Candidates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(OpportunityText))
        {
            Candidates = await CandidatesAsync(cancellationToken);
            return Page();
        }
        return await LoadAsync(cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused) return refused;
        // A second meeting for the opportunity: the page says so and links the one there is.
        if (Existing is not null) return Page();
        var errors = new List<(string Key, string Message)>();
        if (Plan.Validate(Initiatives, l, errors) is not { } plan)
        {
            foreach (var (key, message) in errors) ModelState.AddModelError($"Plan.{key}", message);
            return Page();
        }
        var meeting = new DialogueMeeting(Opportunity!.Id, plan.Theme, plan.Agenda, plan.InitiativeId, clock.GetUtcNow());
        db.DialogueMeetings.Add(meeting);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (Seats.IsUniqueViolation(e))
        {
            // Another organizer made it at the same moment: the unique index keeps one meeting per opportunity.
            db.ChangeTracker.Clear();
            Existing = await db.DialogueMeetings.AsNoTracking().Where(m => m.OpportunityId == Opportunity.Id).Select(m => (Guid?)m.Id).SingleOrDefaultAsync(cancellationToken);
            return Page();
        }
        TempData[ManageMeetingModel.MessageKey] = "対話の場をつくりました。";
        return Redirect($"/collaboration/dialogue/{meeting.Id}/manage");
    }

    /// <summary>Null when the person organizes the opportunity named; otherwise 404 (unknown, or a draft of others) or 403.</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(OpportunityText, out var id)) return NotFound();
        var opportunity = await db.Opportunities.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (opportunity is null) return NotFound();
        if (!await DialogueAccess.IsOrganizerAsync(db, authorization, User, opportunity, cancellationToken))
            return opportunity.IsPublic ? Forbid() : NotFound();
        Opportunity = opportunity;
        Existing = await db.DialogueMeetings.AsNoTracking().Where(m => m.OpportunityId == id).Select(m => (Guid?)m.Id).SingleOrDefaultAsync(cancellationToken);
        Initiatives = await PlanInput.ChoicesAsync(db, null, cancellationToken);
        return null;
    }

    /// <summary>The person's opportunities still to come (as an organization's admin or a co-organizer) that are not yet a meeting.</summary>
    private async Task<IReadOnlyList<Candidate>> CandidatesAsync(CancellationToken cancellationToken)
    {
        var me = CollaborationAccess.AccountId(User);
        var now = clock.GetUtcNow();
        var administered = db.Memberships.Where(m => m.AccountId == me && m.Role == MembershipRole.Admin).Select(m => m.OrganizationId);
        var coOrganized = db.CoOrganizers.Where(c => c.AccountId == me).Select(c => c.OpportunityId);
        return await db.Opportunities.AsNoTracking()
            .Where(o => (administered.Contains(o.OrganizationId) || coOrganized.Contains(o.Id))
                && (o.Status == OpportunityStatus.Draft || o.Status == OpportunityStatus.Published)
                && (o.EndsAt >= now || o.RecurrenceRule != null)
                && !db.DialogueMeetings.Any(m => m.OpportunityId == o.Id))
            .OrderBy(o => o.StartsAt).Take(CandidatesShown)
            .Select(o => new Candidate(o.Id, o.Title, o.StartsAt, o.Status))
            .ToListAsync(cancellationToken);
    }
}
