using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Engagement;
using Tsunagari.Platform;
using Tsunagari.Resources;

namespace Tsunagari.Features.Collaboration.Dialogue;

/// <summary>
/// Running a meeting, for its organizers and government staff: the plan, the minutes, the attendee list with names
/// (the opportunity's roster; staff who are not organizers are audited for reading it) and the follow-up actions,
/// each tracked until done.
/// </summary>
[Authorize]
public sealed class ManageMeetingModel(AppDbContext db, IAuthorizationService authorization, AuditTrail audit, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    public const string MessageKey = "DialogueMessage";

    public sealed record Attendee(string Name, ParticipantKind Kind, DateOnly Occurrence, SignUpStatus Status, bool Attended);

    public sealed class ActionInput
    {
        public string? Text { get; set; }
        public string? Owner { get; set; }

        /// <summary>yyyy-MM-dd, as the date input sends it.</summary>
        public string? DueOn { get; set; }
    }

    [BindProperty]
    public PlanInput Plan { get; set; } = new();

    [BindProperty]
    public string? Minutes { get; set; }

    [BindProperty]
    public ActionInput NewAction { get; set; } = new();

    [BindProperty]
    public string? Note { get; set; }

    public MeetingLoad Load { get; private set; } = null!;
    public DialogueMeeting Meeting => Load.Meeting;
    public IReadOnlyList<PlanInput.Choice> Initiatives { get; private set; } = [];
    public IReadOnlyList<Attendee> Attendees { get; private set; } = [];
    public IReadOnlyList<FollowUpAction> Actions { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await AccessAsync(id, cancellationToken) is { } refused) return refused;
        if (TempData[MessageKey] is string message) Message = l[message];
        Plan = PlanInput.From(Meeting);
        Minutes = Meeting.Minutes;
        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostPlanAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await AccessAsync(id, cancellationToken) is { } refused) return refused;
        Initiatives = await PlanInput.ChoicesAsync(db, Meeting.InitiativeId, cancellationToken);
        var errors = new List<(string Key, string Message)>();
        if (Plan.Validate(Initiatives, l, errors) is not { } plan)
        {
            foreach (var (key, message) in errors) ModelState.AddModelError($"Plan.{key}", message);
            Minutes = Meeting.Minutes;
            return await ShowAsync(cancellationToken);
        }
        Meeting.Plan(plan.Theme, plan.Agenda, plan.InitiativeId, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Done(id, "テーマと議題を保存しました。");
    }

    public async Task<IActionResult> OnPostMinutesAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await AccessAsync(id, cancellationToken) is { } refused) return refused;
        var text = Minutes?.ReplaceLineEndings("\n").Trim() ?? "";
        if (text.Length > DialogueMeeting.MaxTextLength)
        {
            ModelState.AddModelError(nameof(Minutes), l["議事録は{0}文字以内で入力してください。", DialogueMeeting.MaxTextLength]);
            Plan = PlanInput.From(Meeting);
            return await ShowAsync(cancellationToken);
        }
        Meeting.RecordMinutes(text, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Done(id, text.Length == 0 ? "議事録を消しました。" : "議事録を記録しました。");
    }

    public async Task<IActionResult> OnPostActionAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await AccessAsync(id, cancellationToken) is { } refused) return refused;
        var text = NewAction.Text?.Trim() ?? "";
        var owner = NewAction.Owner?.Trim() ?? "";
        if (text.Length == 0) ModelState.AddModelError("NewAction.Text", l["フォローアップの内容を入力してください。"]);
        else if (text.Length > FollowUpAction.MaxTextLength) ModelState.AddModelError("NewAction.Text", l["フォローアップの内容は{0}文字以内で入力してください。", FollowUpAction.MaxTextLength]);
        if (owner.Length == 0) ModelState.AddModelError("NewAction.Owner", l["担当（人または団体の名前）を入力してください。"]);
        else if (owner.Length > FollowUpAction.MaxOwnerLength) ModelState.AddModelError("NewAction.Owner", l["担当は{0}文字以内で入力してください。", FollowUpAction.MaxOwnerLength]);
        if (string.IsNullOrWhiteSpace(NewAction.DueOn)) ModelState.AddModelError("NewAction.DueOn", l["期日を入力してください。"]);
        else if (!DateOnly.TryParseExact(NewAction.DueOn.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due) || due.Year < 2000 || due.Year > 2100)
            ModelState.AddModelError("NewAction.DueOn", l["期日を正しい日付で入力してください。"]);
        if (await db.FollowUpActions.CountAsync(a => a.MeetingId == id, cancellationToken) >= FollowUpAction.MaxPerMeeting)
            ModelState.AddModelError("NewAction.Text", l["フォローアップは1つの対話の場につき{0}件までです。", FollowUpAction.MaxPerMeeting]);
        if (!ModelState.IsValid) return await ShowAgainAsync(cancellationToken);
        var dueOn = DateOnly.ParseExact(NewAction.DueOn!.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        db.FollowUpActions.Add(new FollowUpAction(id, text, owner, dueOn, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return Done(id, "フォローアップを加えました。");
    }

    public async Task<IActionResult> OnPostCompleteAsync(Guid id, Guid actionId, CancellationToken cancellationToken)
    {
        if (await AccessAsync(id, cancellationToken) is { } refused) return refused;
        var action = await db.FollowUpActions.SingleOrDefaultAsync(a => a.Id == actionId && a.MeetingId == id, cancellationToken);
        if (action is null) return NotFound();
        var note = Note?.Trim() ?? "";
        if (note.Length > FollowUpAction.MaxTextLength) ModelState.AddModelError(nameof(Note), l["完了のメモは{0}文字以内で入力してください。", FollowUpAction.MaxTextLength]);
        else if (action.IsDone) ModelState.AddModelError(nameof(Note), l["このフォローアップはすでに完了しています。"]);
        if (!ModelState.IsValid) return await ShowAgainAsync(cancellationToken);
        action.Complete(JapanTime.Date(clock.GetUtcNow()), note);
        await db.SaveChangesAsync(cancellationToken);
        return Done(id, "フォローアップを完了にしました。");
    }

    public async Task<IActionResult> OnPostReopenAsync(Guid id, Guid actionId, CancellationToken cancellationToken)
    {
        if (await AccessAsync(id, cancellationToken) is { } refused) return refused;
        var action = await db.FollowUpActions.SingleOrDefaultAsync(a => a.Id == actionId && a.MeetingId == id, cancellationToken);
        if (action is null) return NotFound();
        action.Reopen();
        await db.SaveChangesAsync(cancellationToken);
        return Done(id, "フォローアップを未完了に戻しました。");
    }

    /// <summary>
    /// Null when the person manages the meeting; 404 when it does not exist for them; when it does, 403 (staff without a
    /// second factor are sent to set it up).
    /// </summary>
    private async Task<IActionResult?> AccessAsync(Guid id, CancellationToken cancellationToken)
    {
        var load = await MeetingLoad.FindAsync(db, authorization, User, id, tracked: true, cancellationToken);
        if (load is null) return NotFound();
        if (!load.Access.CanManage) return CollaborationAccess.Refusal(this);
        Load = load;
        return null;
    }

    private RedirectResult Done(Guid id, string message)
    {
        TempData[MessageKey] = message;
        return Redirect($"/collaboration/dialogue/{id}/manage");
    }

    /// <summary>The page with a form's errors, the other forms showing what is saved.</summary>
    private Task<PageResult> ShowAgainAsync(CancellationToken cancellationToken)
    {
        Plan = PlanInput.From(Meeting);
        Minutes = Meeting.Minutes;
        return ShowAsync(cancellationToken);
    }

    private async Task<PageResult> ShowAsync(CancellationToken cancellationToken)
    {
        var id = Meeting.Id;
        Today = JapanTime.Date(clock.GetUtcNow());
        if (Initiatives.Count == 0) Initiatives = await PlanInput.ChoicesAsync(db, Meeting.InitiativeId, cancellationToken);
        Actions = await db.FollowUpActions.AsNoTracking().Where(a => a.MeetingId == id).OrderBy(a => a.DueOn).ThenBy(a => a.CreatedAt).ToListAsync(cancellationToken);
        await LoadAttendeesAsync(cancellationToken);
        return Page();
    }

    /// <summary>The opportunity's roster: who holds a place or waits for one, and who attended. It names people, so staff reading it are audited.</summary>
    private async Task LoadAttendeesAsync(CancellationToken cancellationToken)
    {
        var opportunityId = Load.Opportunity.Id;
        var rows = await (from s in db.SignUps.AsNoTracking()
                          where s.OpportunityId == opportunityId
                                && (s.Status == SignUpStatus.Confirmed || s.Status == SignUpStatus.Waitlisted || s.CheckedInAt != null)
                          join a in db.Users on s.AccountId equals a.Id
                          orderby s.Occurrence, a.DisplayName
                          select new { s.AccountId, a.DisplayName, s.Occurrence, s.Status, Attended = s.CheckedInAt != null })
                         .ToListAsync(cancellationToken);
        var kinds = await MeetingFigures.KindsAsync(db, rows.Select(r => r.AccountId).Distinct().ToList(), cancellationToken);
        Attendees = rows.Select(r => new Attendee(r.DisplayName, kinds[r.AccountId], r.Occurrence, r.Status, r.Attended)).ToList();
        if (Load.Access.IsStaffView && Attendees.Count > 0)
            await audit.RecordAsync(User, AuditTrail.Actions.ViewPersonalData, null, $"dialogue meeting {Meeting.Id}", cancellationToken);
    }
}
