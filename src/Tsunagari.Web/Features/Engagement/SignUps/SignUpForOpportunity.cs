using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Features.Engagement.Notifications;
using Tsunagari.Features.Opportunities;
using Tsunagari.Resources;

namespace Tsunagari.Features.Engagement.SignUps;

/// <summary>
/// Signs a person up for an opportunity or one of its occurrences (page and API). Without approval the person gets
/// the lowest free seat, or the waitlist when none is left; two people racing for the last seat collide on the seat's
/// unique index, and the loser tries again with a fresh read, so a capacity is never exceeded on either database.
/// </summary>
public sealed class SignUpForOpportunity(IServiceScopeFactory scopes, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    /// <summary>Each lost race means someone else got a seat, so a handful of attempts reaches a free seat or a full list.</summary>
    public const int Attempts = 12;

    public sealed record Outcome(Guid? SignUpId, SignUpStatus Status, SignUpProblem? Problem);

    public async Task<Outcome> RunAsync(Guid opportunityId, Guid accountId, DateOnly? occurrence, IReadOnlyList<string?> answers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answers);
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            try
            {
                return await TryAsync(db, opportunityId, accountId, occurrence, answers, cancellationToken);
            }
            catch (DbUpdateException e) when (Seats.IsUniqueViolation(e) && attempt < Attempts)
            {
                // Someone took the seat (or this person's double click won): read again and choose anew.
                await Task.Delay(Random.Shared.Next(5, 20 * attempt), cancellationToken);
            }
        }
    }

    private async Task<Outcome> TryAsync(AppDbContext db, Guid opportunityId, Guid accountId, DateOnly? occurrence, IReadOnlyList<string?> answers, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var opportunity = await db.Opportunities.AsNoTracking().SingleOrDefaultAsync(o => o.Id == opportunityId, cancellationToken);
        if (opportunity is null || !opportunity.IsPublic)
            return Refused(SignUpProblem.NotFound(l["活動「{0}」は見つかりません。", opportunityId]));
        if (opportunity.Status != OpportunityStatus.Published)
            return Refused(SignUpProblem.Conflict(opportunity.Status == OpportunityStatus.Cancelled
                ? l["この活動は中止になったため、申し込めません。"] : l["この活動は受付を終了しました。"]));

        DateOnly date;
        DateTimeOffset start;
        if (Recurrence.Parse(opportunity.RecurrenceRule) is null)
        {
            date = SignUp.WholeOpportunity;
            start = opportunity.StartsAt;
        }
        else
        {
            if (occurrence is not { } chosen || chosen == SignUp.WholeOpportunity)
                return Refused(SignUpProblem.Invalid("Occurrence", l["参加する日を選んでください。"]));
            if (Seats.StartOf(opportunity, chosen) is not { } s || s <= now)
                return Refused(SignUpProblem.Invalid("Occurrence", l["{0} はこの活動の今後の開催日ではありません。", chosen.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)]));
            date = chosen;
            start = s;
        }
        if (now >= (opportunity.ApplicationDeadline ?? start) || now >= start)
            return Refused(SignUpProblem.Conflict(l["申込の締切を過ぎています。"]));

        var given = new List<string>();
        for (var i = 0; i < opportunity.SignUpQuestions.Count; i++)
        {
            var answer = i < answers.Count ? answers[i]?.Trim() ?? "" : "";
            if (answer.Length == 0)
                return Refused(SignUpProblem.Invalid($"Answers[{i}]", l["「{0}」への回答を入力してください。", opportunity.SignUpQuestions[i]]));
            if (answer.Length > SignUp.MaxAnswerLength)
                return Refused(SignUpProblem.Invalid($"Answers[{i}]", l["回答は{0}文字以内で入力してください。", SignUp.MaxAnswerLength]));
            given.Add(answer);
        }

        var signUp = await db.SignUps.SingleOrDefaultAsync(s => s.OpportunityId == opportunityId && s.Occurrence == date && s.AccountId == accountId, cancellationToken);
        if (signUp is { Status: SignUpStatus.Pending or SignUpStatus.Confirmed or SignUpStatus.Waitlisted })
            return new Outcome(signUp.Id, signUp.Status, SignUpProblem.Conflict(l["この活動（この日）にはすでに申し込んでいます。"]));
        if (signUp is null)
        {
            signUp = new SignUp(opportunityId, opportunity.OrganizationId, accountId, date, now);
            db.SignUps.Add(signUp);
        }
        else
        {
            // A cancelled or declined sign-up comes back to life: one row per person and occurrence.
            signUp.CancelledBy = null;
            signUp.CancellationReason = "";
            signUp.CancelledAt = null;
            signUp.ReminderSentAt = null;
            signUp.UpdatedAt = now;
        }
        signUp.Answers = given;
        signUp.Seat = null;
        NotificationKind kind;
        if (opportunity.RequiresApproval)
        {
            signUp.Status = SignUpStatus.Pending;
            kind = NotificationKind.SignUpReceived;
        }
        else if (opportunity.Capacity is not { } capacity)
        {
            signUp.Status = SignUpStatus.Confirmed;
            kind = NotificationKind.SignUpConfirmed;
        }
        else if (await Seats.FreeSeatAsync(db, opportunityId, date, capacity, cancellationToken) is { } seat)
        {
            signUp.Status = SignUpStatus.Confirmed;
            signUp.Seat = seat;
            kind = NotificationKind.SignUpConfirmed;
        }
        else
        {
            signUp.Status = SignUpStatus.Waitlisted;
            kind = NotificationKind.Waitlisted;
        }
        db.Notifications.Add(Notify.Participant(signUp, opportunity, kind, "", now));
        db.Notifications.AddRange(await Notify.AdminsAsync(db, opportunity, date, NotificationKind.NewSignUp, "", now, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        return new Outcome(signUp.Id, signUp.Status, null);
    }

    private static Outcome Refused(SignUpProblem problem) => new(null, default, problem);
}
