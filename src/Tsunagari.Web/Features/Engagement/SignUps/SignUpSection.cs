using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.Opportunities;

namespace Tsunagari.Features.Engagement.SignUps;

/// <summary>The sign-up part of an opportunity's page: places left and waitlist per occurrence, the person's own sign-ups, the form.</summary>
public sealed class SignUpSection(AppDbContext db, TimeProvider clock) : ViewComponent
{
    public sealed record Places(DateOnly Occurrence, DateTimeOffset Start, int Confirmed, int Waitlisted, int Pending);

    public sealed record SectionView(
        Opportunity Opportunity, bool CanManage, bool SignedIn, bool IsOpen, IReadOnlyList<Places> Places,
        IReadOnlyList<SignUpItem> Mine, SignUpFormView Form, DateTimeOffset Now);

    /// <param name="upcoming">The page's <see cref="SignUpFormView.Upcoming"/>, computed once for both.</param>
    public async Task<IViewComponentResult> InvokeAsync(Opportunity opportunity, bool canManage, IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)> upcoming)
    {
        ArgumentNullException.ThrowIfNull(opportunity);
        var now = clock.GetUtcNow();
        var cancellationToken = HttpContext.RequestAborted;
        var counts = await db.SignUps.AsNoTracking()
            .Where(s => s.OpportunityId == opportunity.Id && (s.Status == SignUpStatus.Confirmed || s.Status == SignUpStatus.Waitlisted || s.Status == SignUpStatus.Pending))
            .GroupBy(s => new { s.Occurrence, s.Status })
            .Select(g => new { g.Key.Occurrence, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        int Count(DateOnly date, SignUpStatus status) => counts.Where(c => c.Occurrence == date && c.Status == status).Sum(c => c.Count);
        var form = SignUpFormView.For(opportunity, now, upcoming);
        var dates = form.Recurring
            ? form.Occurrences.Take(DetailsModel.NextOccurrences).Select(s => (Seats.JapanDate(s), s)).ToList()
            : [(SignUp.WholeOpportunity, opportunity.StartsAt)];
        var places = dates.Select(d => new Places(d.Item1, d.Item2, Count(d.Item1, SignUpStatus.Confirmed), Count(d.Item1, SignUpStatus.Waitlisted), Count(d.Item1, SignUpStatus.Pending))).ToList();
        var signedIn = Guid.TryParse(UserClaimsPrincipal.FindFirstValue(ClaimTypes.NameIdentifier), out var me);
        var mine = signedIn ? await SignUpItem.ListAsync(db, me, null, opportunity.Id, cancellationToken) : [];
        return View("/Features/Engagement/SignUps/_SignUpSection.cshtml",
            new SectionView(opportunity, canManage, signedIn, SignUpFormView.IsOpen(opportunity, now, upcoming), places, mine, form, now));
    }
}
