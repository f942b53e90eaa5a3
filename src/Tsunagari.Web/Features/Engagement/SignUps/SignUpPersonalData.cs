using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Opportunities;

namespace Tsunagari.Features.Engagement.SignUps;

/// <summary>
/// A person's sign-ups (with their answers and attendance). Erasing deletes them rather than anonymising: a sign-up
/// without its person says nothing the organization's own counts need, and its answers are the person's words.
/// Seats they held for occurrences still to come go to the waitlist first.
/// </summary>
public sealed class SignUpPersonalData(AppDbContext db, TimeProvider clock) : IPersonalData
{
    public string Section => "signUps";

    public async Task<object?> ExportAsync(Guid accountId, CancellationToken cancellationToken) =>
        await (from s in db.SignUps.AsNoTracking()
               where s.AccountId == accountId
               join o in db.Opportunities on s.OpportunityId equals o.Id
               orderby s.CreatedAt
               select new
               {
                   Opportunity = o.Title,
                   s.OpportunityId,
                   Occurrence = s.Occurrence == SignUp.WholeOpportunity ? (DateOnly?)null : s.Occurrence,
                   Status = s.Status.ToString(),
                   s.Answers,
                   s.CreatedAt,
                   s.CancelledAt,
                   CancelledBy = s.CancelledBy.ToString(),
                   s.CancellationReason,
                   s.CheckedInAt,
                   s.CheckedOutAt,
                   s.Hours,
               }).ToListAsync(cancellationToken);

    public async Task EraseAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var held = await db.SignUps.Where(s => s.AccountId == accountId && s.Seat != null).ToListAsync(cancellationToken);
        foreach (var signUp in held)
        {
            signUp.Status = SignUpStatus.Cancelled;
            signUp.Seat = null;
        }
        // Freed first, then promoted: the seat's unique index must never see it twice.
        await db.SaveChangesAsync(cancellationToken);
        foreach (var place in held.Select(s => (s.OpportunityId, s.Occurrence)).Distinct())
        {
            var opportunity = await db.Opportunities.AsNoTracking().SingleAsync(o => o.Id == place.OpportunityId, cancellationToken);
            var start = SignUpItem.StartOf(opportunity.StartsAt, place.Occurrence);
            if (opportunity.Status == OpportunityStatus.Published && start > now)
                await Seats.PromoteAsync(db, opportunity, place.Occurrence, now, cancellationToken);
        }
        // Deleted in bulk below: left tracked, they would be deleted again by the account's cascade (and found missing).
        foreach (var signUp in held) db.Entry(signUp).State = EntityState.Detached;
        await db.SignUps.Where(s => s.AccountId == accountId).ExecuteDeleteAsync(cancellationToken);
    }
}
