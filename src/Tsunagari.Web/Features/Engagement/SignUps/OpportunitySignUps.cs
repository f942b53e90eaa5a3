using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.Opportunities;

namespace Tsunagari.Features.Engagement.SignUps;

/// <summary>
/// What an opportunity's change does to its sign-ups: a cancelled opportunity cancels them (the notices tell the people,
/// <see cref="Notifications.OpportunityChangeNotices"/>); a raised or removed capacity gives the new places to the
/// waitlist, occurrence by occurrence.
/// </summary>
public sealed class OpportunitySignUps(AppDbContext db, IServiceScopeFactory scopes, TimeProvider clock, ILogger<OpportunitySignUps> logger) : IOpportunityChanges
{
    private const int Attempts = 6;

    public async Task CancelledAsync(Opportunity opportunity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(opportunity);
        var now = clock.GetUtcNow();
        var active = await db.SignUps
            .Where(s => s.OpportunityId == opportunity.Id && (s.Status == SignUpStatus.Pending || s.Status == SignUpStatus.Confirmed || s.Status == SignUpStatus.Waitlisted))
            .ToListAsync(cancellationToken);
        foreach (var signUp in active)
        {
            signUp.Status = SignUpStatus.Cancelled;
            signUp.Seat = null;
            signUp.CancelledBy = CancelledBy.Organization;
            signUp.CancellationReason = opportunity.CancellationReason;
            signUp.CancelledAt = now;
            signUp.UpdatedAt = now;
        }
    }

    /// <summary>
    /// In a scope and transaction of its own, retried like a freed seat's promotion: a new sign-up may take one of the new
    /// places at the same moment. The edit itself is already saved, so a failure here is logged, not shown to the editor.
    /// </summary>
    public async Task PlacesAddedAsync(Opportunity opportunity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(opportunity);
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var scoped = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            try
            {
                await using var transaction = await scoped.Database.BeginTransactionAsync(cancellationToken);
                var current = await scoped.Opportunities.AsNoTracking().SingleAsync(o => o.Id == opportunity.Id, cancellationToken);
                var occurrences = await scoped.SignUps
                    .Where(s => s.OpportunityId == opportunity.Id && s.Status == SignUpStatus.Waitlisted)
                    .Select(s => s.Occurrence).Distinct().ToListAsync(cancellationToken);
                foreach (var occurrence in occurrences) await Seats.PromoteAsync(scoped, current, occurrence, clock.GetUtcNow(), cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException e) when (Seats.IsUniqueViolation(e))
            {
                if (attempt == Attempts)
                {
                    logger.LogWarning(e, "The waitlist of opportunity {Opportunity} was not promoted after its capacity was raised", opportunity.Id);
                    return;
                }
                await Task.Delay(Random.Shared.Next(5, 20 * attempt), cancellationToken);
            }
        }
    }
}
