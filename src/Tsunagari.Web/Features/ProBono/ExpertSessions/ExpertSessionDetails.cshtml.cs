using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Engagement;
using Tsunagari.Features.ProBono.Challenges;
using Tsunagari.Resources;

namespace Tsunagari.Features.ProBono.ExpertSessions;

/// <summary>
/// One expert session, seen by the organization's admins, coordinators and the professional it was proposed to.
/// Coordinators assign a suggested professional and a slot, or decline the request; the organization or the professional
/// cancels a scheduled session; afterwards the organization records whether it was held and both sides leave a note.
/// </summary>
[Authorize]
public sealed class ExpertSessionDetailsModel(AppDbContext db, IAuthorizationService authorization, SuggestExperts suggest,
    IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    private const string MessageKey = "ExpertSessionMessage";

    public sealed record Declined(string Name, string Reason, DateTimeOffset At);

    public ExpertSession Item { get; private set; } = null!;
    public string OrganizationName { get; private set; } = "";
    public string? ProfessionalName { get; private set; }
    public bool CanManage { get; private set; }
    public bool IsCoordinator { get; private set; }
    public bool IsProfessional { get; private set; }
    public IReadOnlyList<SuggestExperts.Suggestion> Suggestions { get; private set; } = [];
    public IReadOnlyList<Declined> Declines { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }
    public string? Message { get; private set; }

    /// <summary>The session's time is over: the organization may say whether it was held.</summary>
    public bool IsOver => Item.StartsAt is { } at && at.AddMinutes(Item.DurationMinutes) <= Now;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        Message = TempData[MessageKey] as string;
        return Page();
    }

    public async Task<IActionResult> OnPostAssignAsync(Guid id, Guid? professionalId, string? slot, CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.Staff)).Succeeded) return Forbid();
        var session = await db.ExpertSessions.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (session is null) return NotFound();
        if (session.Status != ExpertSessionStatus.Requested)
            return await FailAsync(id, "professionalId", l["この依頼はすでに専門家を調整済みか、終わっています。"], cancellationToken);
        if (professionalId is not { } chosen)
            return await FailAsync(id, "professionalId", l["依頼する専門家を選んでください。"], cancellationToken);
        var slots = session.Slots;
        if (!int.TryParse(slot, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) || number < 1 || number > slots.Count)
            return await FailAsync(id, "slot", l["候補日時を選んでください。"], cancellationToken);
        var now = clock.GetUtcNow();
        var at = slots[number - 1];
        if (at <= now) return await FailAsync(id, "slot", l["この候補日時はすでに過ぎています。ほかの候補日時を選ぶか、依頼を見送ってください。"], cancellationToken);
        var eligible = await suggest.RunAsync(session, cancellationToken);
        if (!eligible.Any(s => s.AccountId == chosen))
            return await FailAsync(id, "professionalId", l["この専門家には依頼できません（スキル、相談の形、担当できない団体、辞退を確認してください）。"], cancellationToken);
        session.Assign(chosen, at, ChallengeAccess.AccountId(User), now);
        db.Notifications.Add(ProBonoNotices.For(chosen, session, NotificationKind.ExpertSessionProposal, "", now));
        await db.SaveChangesAsync(cancellationToken);
        return Done(id, "専門家に依頼しました。回答を待っています。");
    }

    public async Task<IActionResult> OnPostDeclineAsync(Guid id, string? reason, CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.Staff)).Succeeded) return Forbid();
        var session = await db.ExpertSessions.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (session is null) return NotFound();
        if (session.Status != ExpertSessionStatus.Requested)
            return await FailAsync(id, "reason", l["この依頼はすでに専門家を調整済みか、終わっています。"], cancellationToken);
        reason = reason?.Trim() ?? "";
        if (ReasonError(reason) is { } error) return await FailAsync(id, "reason", error, cancellationToken);
        var now = clock.GetUtcNow();
        session.Decline(ChallengeAccess.AccountId(User), reason, now);
        db.Notifications.AddRange(await ProBonoNotices.OrganizationAdminsAsync(db, session, NotificationKind.ExpertSessionDeclined, reason, now, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        return Done(id, "依頼を見送りました。");
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid id, string? reason, CancellationToken cancellationToken)
    {
        var (session, manage, professional) = await SideAsync(id, cancellationToken);
        if (session is null) return NotFound();
        if (!manage && !professional) return Forbid();
        var now = clock.GetUtcNow();
        if (manage ? !session.IsOpen : session.Status != ExpertSessionStatus.Scheduled)
            return await FailAsync(id, "reason", l["この相談は取り消せません（すでに終わっているか、取り消されています）。"], cancellationToken);
        if (session.StartsAt is { } at && session.Status == ExpertSessionStatus.Scheduled && at <= now)
            return await FailAsync(id, "reason", l["開始時刻を過ぎた相談は取り消せません。行わなかった場合は「実施しなかった」と記録してください。"], cancellationToken);
        reason = reason?.Trim() ?? "";
        if (ReasonError(reason) is { } error) return await FailAsync(id, "reason", error, cancellationToken);
        var other = session.ProfessionalId;
        session.Cancel(ChallengeAccess.AccountId(User), reason, now);
        if (manage && other is { } pro)
            db.Notifications.Add(ProBonoNotices.For(pro, session, NotificationKind.ExpertSessionCancelled, reason, now));
        else if (!manage)
            db.Notifications.AddRange(await ProBonoNotices.OrganizationAdminsAsync(db, session, NotificationKind.ExpertSessionCancelled, reason, now, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        return Done(id, "相談を取り消しました。");
    }

    public async Task<IActionResult> OnPostOutcomeAsync(Guid id, string? held, CancellationToken cancellationToken)
    {
        var (session, manage, professional) = await SideAsync(id, cancellationToken);
        if (session is null) return NotFound();
        if (!manage) return Forbid();
        var now = clock.GetUtcNow();
        if (session.Status is ExpertSessionStatus.Held or ExpertSessionStatus.NotHeld)
            return await FailAsync(id, "held", l["実施したかどうかはすでに記録しています。"], cancellationToken);
        if (session.Status != ExpertSessionStatus.Scheduled)
            return await FailAsync(id, "held", l["日時が決まった相談だけ、実施したかどうかを記録できます。"], cancellationToken);
        if (session.StartsAt is not { } at || at.AddMinutes(session.DurationMinutes) > now)
            return await FailAsync(id, "held", l["相談の時間が過ぎてから記録してください。"], cancellationToken);
        if (!bool.TryParse(held, out var wasHeld))
            return await FailAsync(id, "held", l["実施したかどうかを選んでください。"], cancellationToken);
        session.RecordOutcome(wasHeld, ChallengeAccess.AccountId(User), now);
        await db.SaveChangesAsync(cancellationToken);
        return Done(id, wasHeld ? "実施したと記録しました。" : "実施しなかったと記録しました。");
    }

    public async Task<IActionResult> OnPostNoteAsync(Guid id, string? note, string? rating, CancellationToken cancellationToken)
    {
        var (session, manage, professional) = await SideAsync(id, cancellationToken);
        if (session is null) return NotFound();
        if (!manage && !professional) return Forbid();
        if (session.Status != ExpertSessionStatus.Held)
            return await FailAsync(id, "note", l["実施した相談にだけ感想を記入できます。"], cancellationToken);
        if ((manage ? session.OrganizationRating : session.ProfessionalRating) is not null)
            return await FailAsync(id, "note", l["感想はすでに記入しています。"], cancellationToken);
        if (!int.TryParse(rating, NumberStyles.Integer, CultureInfo.InvariantCulture, out var stars) || stars is < 1 or > 5)
            return await FailAsync(id, "rating", l["評価を1から5で選んでください。"], cancellationToken);
        note = note?.Trim() ?? "";
        if (note.Length > ExpertSession.MaxNoteLength)
            return await FailAsync(id, "note", l["感想は{0}文字以内で入力してください。", ExpertSession.MaxNoteLength], cancellationToken);
        var now = clock.GetUtcNow();
        if (manage) session.NoteByOrganization(note, stars, now);
        else session.NoteByProfessional(note, stars, now);
        await db.SaveChangesAsync(cancellationToken);
        return Done(id, "感想を記入しました。");
    }

    private string? ReasonError(string reason)
    {
        if (reason.Length == 0) return l["理由を入力してください。"];
        if (reason.Length > ExpertSession.MaxReasonLength) return l["理由は{0}文字以内で入力してください。", ExpertSession.MaxReasonLength];
        return null;
    }

    /// <summary>The tracked session (null when this person may not see it) and which side the person is on.</summary>
    private async Task<(ExpertSession? Session, bool Manage, bool Professional)> SideAsync(Guid id, CancellationToken cancellationToken)
    {
        var session = await db.ExpertSessions.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (session is null) return (null, false, false);
        var manage = await ChallengeAccess.ManagedOrganizationAsync(db, authorization, User, session.OrganizationId, cancellationToken) is not null;
        var professional = !manage && session.ProfessionalId is { } pro && pro == ChallengeAccess.AccountId(User);
        if (!manage && !professional && !ChallengeAccess.IsCoordinator(User)) return (null, false, false);
        return (session, manage, professional);
    }

    private RedirectResult Done(Guid id, string message)
    {
        TempData[MessageKey] = message;
        return Redirect($"/probono/expert-sessions/{id}");
    }

    private async Task<IActionResult> FailAsync(Guid id, string key, string message, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        ModelState.AddModelError(key, message);
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var session = await db.ExpertSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (session is null) return false;
        var me = ChallengeAccess.AccountId(User);
        IsCoordinator = ChallengeAccess.IsCoordinator(User);
        var organization = await ChallengeAccess.ManagedOrganizationAsync(db, authorization, User, session.OrganizationId, cancellationToken);
        CanManage = organization is not null;
        IsProfessional = !CanManage && session.ProfessionalId == me && me != Guid.Empty;
        if (!CanManage && !IsCoordinator && !IsProfessional) return false;
        Item = session;
        Now = clock.GetUtcNow();
        OrganizationName = organization?.Name
            ?? await db.Organizations.AsNoTracking().Where(o => o.Id == session.OrganizationId).Select(o => o.Name).SingleAsync(cancellationToken);
        ProfessionalName = session.ProfessionalId is { } pro
            ? await db.Users.AsNoTracking().Where(u => u.Id == pro).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken)
            : null;
        if (IsCoordinator)
        {
            Declines = await (from d in db.ExpertSessionDeclines.AsNoTracking()
                              where d.SessionId == id
                              join u in db.Users on d.AccountId equals u.Id
                              orderby d.DeclinedAt
                              select new Declined(u.DisplayName, d.Reason, d.DeclinedAt)).ToListAsync(cancellationToken);
            if (session.Status == ExpertSessionStatus.Requested)
                Suggestions = (await suggest.RunAsync(session, cancellationToken)).Take(SuggestExperts.MaxShown).ToList();
        }
        return true;
    }
}
