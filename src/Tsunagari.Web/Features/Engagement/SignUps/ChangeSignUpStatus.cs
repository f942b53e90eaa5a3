using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Features.Engagement.Notifications;
using Tsunagari.Features.Opportunities;
using Tsunagari.Resources;

namespace Tsunagari.Features.Engagement.SignUps;

/// <summary>
/// Cancels (the participant, or the organization's admins with a reason), approves or declines a sign-up (admins;
/// page and API). A freed seat goes to the earliest waitlisted person in the same transaction.
/// </summary>
public sealed class ChangeSignUpStatus(IServiceScopeFactory scopes, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    private const int Attempts = 6;

    private static readonly SignUpStatus[] Active = [SignUpStatus.Pending, SignUpStatus.Confirmed, SignUpStatus.Waitlisted];

    public Task<SignUpProblem?> CancelAsync(Guid signUpId, ClaimsPrincipal user, string? reason, CancellationToken cancellationToken) =>
        RetryAsync(signUpId, user, async (db, signUp, opportunity, isParticipant, isAdmin, now) =>
        {
            var text = reason?.Trim() ?? "";
            // Someone who is both (an admin who signed up) cancels their own sign-up as a participant.
            var byOrganization = !isParticipant;
            if (byOrganization && text.Length == 0) return SignUpProblem.Invalid("Reason", l["取り消しの理由を入力してください。"]);
            if (text.Length > SignUp.MaxReasonLength) return SignUpProblem.Invalid("Reason", l["理由は{0}文字以内で入力してください。", SignUp.MaxReasonLength]);
            if (!Active.Contains(signUp.Status)) return SignUpProblem.Conflict(l["この申込はすでに取り消されているか、承認されませんでした。"]);
            var freed = signUp.Status == SignUpStatus.Confirmed;
            signUp.Status = SignUpStatus.Cancelled;
            signUp.Seat = null;
            signUp.CancelledBy = byOrganization ? CancelledBy.Organization : CancelledBy.Participant;
            signUp.CancellationReason = text;
            signUp.CancelledAt = now;
            signUp.UpdatedAt = now;
            if (byOrganization) db.Notifications.Add(Notify.Participant(signUp, opportunity, NotificationKind.CancelledByOrganization, text, now));
            else db.Notifications.AddRange(await Notify.AdminsAsync(db, opportunity, signUp.Occurrence, NotificationKind.CancelledByParticipant, text, now, cancellationToken));
            // The seat is freed in its own statement first: EF may order the promotion's update before it otherwise.
            await db.SaveChangesAsync(cancellationToken);
            if (freed) await Seats.PromoteAsync(db, opportunity, signUp.Occurrence, now, cancellationToken);
            return null;
        }, participantMay: true, cancellationToken);

    public Task<SignUpProblem?> ApproveAsync(Guid signUpId, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        RetryAsync(signUpId, user, async (db, signUp, opportunity, _, _, now) =>
        {
            if (signUp.Status != SignUpStatus.Pending) return SignUpProblem.Conflict(l["承認できるのは承認待ちの申込だけです。"]);
            int? seat = opportunity.Capacity is { } capacity ? await Seats.FreeSeatAsync(db, opportunity.Id, signUp.Occurrence, capacity, cancellationToken) : null;
            var full = opportunity.Capacity is not null && seat is null;
            signUp.Status = full ? SignUpStatus.Waitlisted : SignUpStatus.Confirmed;
            signUp.Seat = seat;
            signUp.UpdatedAt = now;
            db.Notifications.Add(Notify.Participant(signUp, opportunity, full ? NotificationKind.Waitlisted : NotificationKind.SignUpApproved, "", now));
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }, participantMay: false, cancellationToken);

    public Task<SignUpProblem?> DeclineAsync(Guid signUpId, ClaimsPrincipal user, string? reason, CancellationToken cancellationToken) =>
        RetryAsync(signUpId, user, async (db, signUp, opportunity, _, _, now) =>
        {
            var text = reason?.Trim() ?? "";
            if (text.Length == 0) return SignUpProblem.Invalid("Reason", l["承認しない理由を入力してください。"]);
            if (text.Length > SignUp.MaxReasonLength) return SignUpProblem.Invalid("Reason", l["理由は{0}文字以内で入力してください。", SignUp.MaxReasonLength]);
            if (signUp.Status is not (SignUpStatus.Pending or SignUpStatus.Waitlisted))
                return SignUpProblem.Conflict(l["承認しないにできるのは承認待ちかキャンセル待ちの申込だけです。"]);
            signUp.Status = SignUpStatus.Declined;
            signUp.Seat = null;
            signUp.CancellationReason = text;
            signUp.UpdatedAt = now;
            db.Notifications.Add(Notify.Participant(signUp, opportunity, NotificationKind.SignUpDeclined, text, now));
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }, participantMay: false, cancellationToken);

    private delegate Task<SignUpProblem?> Change(AppDbContext db, SignUp signUp, Opportunity opportunity, bool isParticipant, bool isAdmin, DateTimeOffset now);

    private async Task<SignUpProblem?> RetryAsync(Guid signUpId, ClaimsPrincipal user, Change change, bool participantMay, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var authorization = scope.ServiceProvider.GetRequiredService<IAuthorizationService>();
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var signUp = await db.SignUps.SingleOrDefaultAsync(s => s.Id == signUpId, cancellationToken);
                if (signUp is null) return NotFound();
                var isParticipant = Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var me) && me == signUp.AccountId;
                var organization = await OpportunityAccess.OrganizationAsync(db, signUp.OrganizationId, cancellationToken);
                var isAdmin = await OpportunityAccess.CanManageAsync(authorization, user, organization);
                // Someone else's sign-up does not exist for people who may not act on it.
                if (!(isAdmin || (participantMay && isParticipant)))
                    return isParticipant ? new SignUpProblem(StatusCodes.Status403Forbidden, l["申込を承認できるのは団体の管理者だけです。"]) : NotFound();
                var opportunity = await db.Opportunities.AsNoTracking().SingleAsync(o => o.Id == signUp.OpportunityId, cancellationToken);
                var problem = await change(db, signUp, opportunity, isParticipant, isAdmin, clock.GetUtcNow());
                if (problem is null) await transaction.CommitAsync(cancellationToken);
                return problem;
            }
            catch (DbUpdateException e) when (Seats.IsUniqueViolation(e) && attempt < Attempts)
            {
                // A new sign-up took the freed seat at the same moment: read again.
                await Task.Delay(Random.Shared.Next(5, 20 * attempt), cancellationToken);
            }
        }
    }

    private SignUpProblem NotFound() => SignUpProblem.NotFound(l["申込が見つかりません。"]);
}
