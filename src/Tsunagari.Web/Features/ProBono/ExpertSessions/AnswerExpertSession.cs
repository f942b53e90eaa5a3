using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Features.Engagement;
using Tsunagari.Resources;

namespace Tsunagari.Features.ProBono.ExpertSessions;

/// <summary>
/// The proposed professional accepts an expert session (it is scheduled at the chosen slot and the organization's admins
/// are told) or declines it with a reason (the coordinator is told, the request goes back to the queue and the pair is
/// never suggested again).
/// </summary>
public sealed class AnswerExpertSession(AppDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock)
{
    /// <summary>
    /// Error null when done, otherwise a localized message. Found is false for a session never proposed to this person
    /// (someone else's proposal is "not found").
    /// </summary>
    public async Task<(bool Found, string? Error)> RunAsync(Guid accountId, Guid sessionId, bool accept, string? reason, CancellationToken cancellationToken)
    {
        var session = await db.ExpertSessions.SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null) return (false, null);
        var declined = await db.ExpertSessionDeclines.AnyAsync(d => d.SessionId == sessionId && d.AccountId == accountId, cancellationToken);
        if (session.ProfessionalId != accountId && !declined) return (false, null);
        if (declined && session.ProfessionalId != accountId) return (true, l["この依頼はすでに辞退しています。"]);
        if (session.Status != ExpertSessionStatus.Assigned)
            return (true, session.Status == ExpertSessionStatus.Cancelled ? l["この相談は取り消されています。"] : l["この依頼にはすでに回答しています。"]);
        var now = clock.GetUtcNow();
        if (accept)
        {
            if (session.StartsAt is { } at && at <= now) return (true, l["提案された日時が過ぎています。辞退して、コーディネーターに調整を頼んでください。"]);
            session.Accept(now);
            db.Notifications.AddRange(await ProBonoNotices.OrganizationAdminsAsync(db, session, NotificationKind.ExpertSessionScheduled, "", now, cancellationToken));
        }
        else
        {
            reason = reason?.Trim() ?? "";
            if (reason.Length == 0) return (true, l["辞退の理由を入力してください。"]);
            if (reason.Length > ExpertSession.MaxReasonLength) return (true, l["理由は{0}文字以内で入力してください。", ExpertSession.MaxReasonLength]);
            var coordinator = session.AssignedBy;
            session.Release(now);
            db.ExpertSessionDeclines.Add(new ExpertSessionDecline(session.Id, accountId, reason, now));
            if (coordinator is { } c) db.Notifications.Add(ProBonoNotices.For(c, session, NotificationKind.ExpertSessionProposalDeclined, reason, now));
        }
        await db.SaveChangesAsync(cancellationToken);
        return (true, null);
    }
}
