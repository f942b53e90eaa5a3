using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Tsunagari.Data;
using Tsunagari.Features.Organizations;
using Tsunagari.Resources;

namespace Tsunagari.Features.Engagement.Journeys;

/// <summary>
/// An organization's funnel 体験→参加→参画→定着, the people gone quiet (with a gentle re-invitation) and the people who
/// could co-plan (with an invitation). For the organization's admins only: it names people and their activity.
/// Every list is bounded, the figures are a kept snapshot (IndicatorSnapshots) and the lists read indexes in order and are
/// kept as long as the snapshot's version (see <see cref="People"/>).
/// </summary>
[Authorize]
public sealed class JourneyModel(
    AppDbContext db,
    IAuthorizationService authorization,
    InviteMember invite,
    IOptions<JourneyOptions> options,
    IndicatorSnapshots snapshots,
    IMemoryCache kept,
    IStringLocalizer<SharedResource> l,
    TimeProvider clock) : PageModel
{
    public const string DoneKey = "Journey.Done";
    /// <summary>People per list: a page an organizer can go through and act on in one sitting.</summary>
    public const int PageSize = 20;

    public sealed record StageRow(JourneyStage Stage, int Now, int Reached, double? Conversion, double? MedianDays);

    public sealed record PersonRow(Guid AccountId, string DisplayName, DateTimeOffset LastActivityAt, int Activities, JourneyStage Stage, bool CanInvite);

    /// <summary>
    /// The page's lists of people, kept for a minute per organization, page, day and version of the organization's journeys:
    /// admins come back to this page, and each view would otherwise read three more queries. Whatever changes the lists
    /// raises that version (an attendance or membership through the journeys' outbox, an invitation sent from this page, a
    /// person erased), so they are never older than the funnel beside them; the minute bounds the rest (a changed name).
    /// </summary>
    private sealed record People(int InactiveTotal, IReadOnlyList<PersonRow> Inactive, IReadOnlyList<PersonRow> Candidates);

    public Organization Organization { get; private set; } = null!;
    public IReadOnlyList<StageRow> Funnel { get; private set; } = [];
    public IReadOnlyList<PersonRow> Inactive { get; private set; } = [];
    public int InactiveTotal { get; private set; }
    public int InactivePage { get; private set; } = 1;
    public IReadOnlyList<PersonRow> Candidates { get; private set; } = [];
    public JourneyOptions Settings => options.Value;

    [TempData(Key = DoneKey)]
    public string? Done { get; set; }

    // From the query only: Razor Pages keep the page's own name in the route value "page".
    public async Task<IActionResult> OnGetAsync(Guid id, [FromQuery(Name = "page")] int? pageNumber, CancellationToken cancellationToken)
    {
        if (await AuthorizeAsync(id, cancellationToken) is { } denied) return denied;
        InactivePage = Math.Clamp(pageNumber ?? 1, 1, 100_000);
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostReinviteAsync(Guid id, Guid accountId, CancellationToken cancellationToken)
    {
        if (await AuthorizeAsync(id, cancellationToken) is { } denied) return denied;
        var now = clock.GetUtcNow();
        var quiet = now.AddDays(-Settings.InactiveDays);
        var journey = await db.Journeys.SingleOrDefaultAsync(j => j.OrganizationId == id && j.AccountId == accountId && j.Activities > 0, cancellationToken);
        if (journey is null) return NotFound();
        if (journey.LastActivityAt >= quiet)
            ModelState.AddModelError("", l["この人は最近も活動しています。"]);
        else if (journey.ReinvitedAt is { } sent && sent > quiet)
            ModelState.AddModelError("", l["この人には{0}日以内にお誘いを送っています。", Settings.InactiveDays]);
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }
        db.Notifications.Add(new Notification(accountId, NotificationKind.Reinvitation, Organization.Name,
            l["お元気ですか。{0}では、またご一緒できる機会をお待ちしています。ご都合のよいときに、募集中の活動をのぞいてみてください。", Organization.Name],
            $"/organizations/{id}", now));
        journey.ReinvitedAt = now;
        await IndicatorSnapshots.RaiseAsync(db, [id], [], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        Done = l["お誘いを送りました。"];
        return Redirect($"/organizations/{id}/journey");
    }

    public async Task<IActionResult> OnPostInviteToCoPlanAsync(Guid id, Guid accountId, CancellationToken cancellationToken)
    {
        if (await AuthorizeAsync(id, cancellationToken) is { } denied) return denied;
        var now = clock.GetUtcNow();
        var link = $"/organizations/{id}";
        var candidate = await db.Journeys.AsNoTracking()
            .Where(j => j.OrganizationId == id && j.AccountId == accountId && j.Stage == JourneyStage.Participation && j.Activities >= Settings.ParticipationAttendances)
            .Where(j => !db.Memberships.Any(m => m.OrganizationId == id && m.AccountId == j.AccountId))
            .Join(db.Users, j => j.AccountId, u => u.Id, (j, u) => new { u.Email })
            .SingleOrDefaultAsync(cancellationToken);
        if (candidate?.Email is null) return NotFound();
        var since = now.AddDays(-Settings.InactiveDays);
        if (await db.Notifications.AnyAsync(n => n.AccountId == accountId && n.Kind == NotificationKind.CoPlanningInvitation && n.Link == link && n.CreatedAt > since, cancellationToken))
        {
            ModelState.AddModelError("", l["この人には{0}日以内に企画への招待を送っています。", Settings.InactiveDays]);
            await LoadAsync(cancellationToken);
            return Page();
        }
        db.Notifications.Add(new Notification(accountId, NotificationKind.CoPlanningInvitation, Organization.Name,
            l["いつも{0}の活動に参加していただき、ありがとうございます。よろしければ、メンバーとして一緒に企画しませんか。招待のメールをお送りしました。", Organization.Name],
            link, now));
        // The organization's member invitation is the way in: the notification is saved with it, in one transaction.
        var inviterId = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        var inviter = await db.Users.AsNoTracking().Where(u => u.Id == inviterId).Select(u => u.DisplayName).SingleAsync(cancellationToken);
        await IndicatorSnapshots.RaiseAsync(db, [id], [], cancellationToken);
        await invite.RunAsync(HttpContext, Organization, candidate.Email, MembershipRole.Member, inviterId, inviter, cancellationToken);
        Done = l["企画への招待を送りました。"];
        return Redirect($"/organizations/{id}/journey");
    }

    private async Task<IActionResult?> AuthorizeAsync(Guid id, CancellationToken cancellationToken)
    {
        var organization = await db.Organizations.AsNoTracking().Include(o => o.Memberships).SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organization is null) return NotFound();
        Organization = organization;
        return (await authorization.AuthorizeAsync(User, organization, OrganizationOperations.ManageMembers)).Succeeded ? null : Forbid();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var id = Organization.Id;
        var quiet = clock.GetUtcNow().AddDays(-Settings.InactiveDays);
        (Funnel, var version) = await snapshots.GetAllTimeAsync(IndicatorSnapshots.Organization(id), () => FunnelAsync(id, cancellationToken), cancellationToken);
        var key = (nameof(People), id, version, InactivePage, DateOnly.FromDateTime(quiet.UtcDateTime));
        var people = await kept.GetOrCreateAsync(key, entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            return PeopleAsync(id, quiet, cancellationToken);
        });
        (InactiveTotal, Inactive, Candidates) = people!;
    }

    private async Task<People> PeopleAsync(Guid id, DateTimeOffset quiet, CancellationToken cancellationToken)
    {
        var inactive = db.Journeys.AsNoTracking().Where(j => j.OrganizationId == id && j.Activities > 0 && j.LastActivityAt < quiet);
        var total = await inactive.CountAsync(cancellationToken);
        var page = await inactive.OrderByDescending(j => j.LastActivityAt).ThenBy(j => j.AccountId)
            .Skip((InactivePage - 1) * PageSize).Take(PageSize)
            .Join(db.Users, j => j.AccountId, u => u.Id, (j, u) => new PersonRow(j.AccountId, u.DisplayName, j.LastActivityAt, j.Activities, j.Stage, j.ReinvitedAt == null || j.ReinvitedAt <= quiet))
            .ToListAsync(cancellationToken);

        var link = $"/organizations/{id}";
        var candidates = await db.Journeys.AsNoTracking()
            .Where(j => j.OrganizationId == id && j.Stage == JourneyStage.Participation && j.Activities >= Settings.ParticipationAttendances)
            .Where(j => !db.Memberships.Any(m => m.OrganizationId == id && m.AccountId == j.AccountId))
            .OrderByDescending(j => j.Activities).ThenByDescending(j => j.LastActivityAt).ThenBy(j => j.AccountId)
            .Take(PageSize)
            .Join(db.Users, j => j.AccountId, u => u.Id, (j, u) => new PersonRow(j.AccountId, u.DisplayName, j.LastActivityAt, j.Activities, j.Stage,
                !db.Notifications.Any(n => n.AccountId == j.AccountId && n.Kind == NotificationKind.CoPlanningInvitation && n.Link == link && n.CreatedAt > quiet)))
            .ToListAsync(cancellationToken);
        return new People(total, page, candidates);
    }

    /// <summary>Per stage: people there now, people who ever reached it, the share who went on, the median days it took.</summary>
    private async Task<List<StageRow>> FunnelAsync(Guid id, CancellationToken cancellationToken)
    {
        var current = await db.Journeys.AsNoTracking().Where(j => j.OrganizationId == id)
            .GroupBy(j => j.Stage).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var reached = await db.StageTransitions.AsNoTracking().Where(t => t.OrganizationId == id)
            .GroupBy(t => t.To).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        // Each person who reached a stage, with the date they had reached the stage before it.
        var steps = await (
            from next in db.StageTransitions
            where next.OrganizationId == id && next.To != JourneyStage.Experience
            join previous in db.StageTransitions on new { next.OrganizationId, next.AccountId } equals new { previous.OrganizationId, previous.AccountId }
            where (int)previous.To == (int)next.To - 1
            select new { next.To, NextAt = next.At, PreviousAt = previous.At })
            .AsNoTracking().ToListAsync(cancellationToken);
        var byStage = steps.ToLookup(s => s.To, s => Math.Max(0, (s.NextAt - s.PreviousAt).TotalDays));
        return Enum.GetValues<JourneyStage>().Select(stage =>
        {
            var reachedHere = reached.GetValueOrDefault(stage);
            var next = stage + 1;
            var went = byStage[next].Order().ToList();
            double? conversion = Enum.IsDefined(next) && reachedHere > 0 ? Math.Round((double)went.Count / reachedHere, 3) : null;
            var days = byStage[stage].Order().ToList();
            double? median = days.Count == 0 ? null : days.Count % 2 == 1 ? days[days.Count / 2] : (days[(days.Count / 2) - 1] + days[days.Count / 2]) / 2;
            return new StageRow(stage, current.GetValueOrDefault(stage), reachedHere, conversion, median is { } m ? Math.Round(m, 1) : null);
        }).ToList();
    }
}
