using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Tsunagari.Data;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Engagement;
using Tsunagari.Features.Organizations;
using Tsunagari.Platform;
using Tsunagari.Resources;

namespace Tsunagari.Features.ProBono.Projects;

/// <summary>
/// A pro bono project's workspace for the organization and the team: phases with their dates (and as iCalendar), the log
/// of notes and decisions, the hand-over checklist and the time each professional gave, valued as an in-kind contribution.
/// Coordinators follow it read-only; their views are audited since it names people.
/// </summary>
[Authorize]
public sealed class ProjectModel(AppDbContext db, IAuthorizationService authorization, AuditTrail audit, IOptions<ProBonoOptions> options,
    IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    private const string MessageKey = "ProBonoProjectMessage";

    public sealed record Person(string Name, string? Email, string Role);

    public sealed record Entry(ProjectLogKind Kind, string Text, string Author, DateTimeOffset At);

    public sealed record Time(Guid Id, string Name, string Skill, DateOnly On, decimal Hours, string Note, bool Mine);

    public sealed record Given(string Name, string Skill, decimal Hours, decimal Rate, decimal Value);

    public sealed class EntryInput
    {
        public ProjectLogKind Kind { get; set; } = ProjectLogKind.Note;
        public string? Text { get; set; }
    }

    public sealed class ScheduleInput
    {
        public ProjectPhaseKind Kind { get; set; }
        public DateOnly? StartsOn { get; set; }
        public DateOnly? DueOn { get; set; }
    }

    public sealed class TimeInput
    {
        public DateOnly? On { get; set; }
        public decimal? Hours { get; set; }
        public string? Note { get; set; }
    }

    [BindProperty]
    public EntryInput NewEntry { get; set; } = new();

    [BindProperty]
    public ScheduleInput Schedule { get; set; } = new();

    [BindProperty]
    public TimeInput NewTime { get; set; } = new();

    [BindProperty]
    public string? NewItem { get; set; }

    public ProjectAccess Access { get; private set; } = null!;
    public ProBonoProject Project => Access.Project;
    public string OrganizationName { get; private set; } = "";
    public IReadOnlyList<Person> Team { get; private set; } = [];
    public IReadOnlyList<Person> Admins { get; private set; } = [];
    public IReadOnlyList<Entry> Log { get; private set; } = [];
    public IReadOnlyList<HandOverItem> Checklist { get; private set; } = [];
    public IReadOnlyList<Time> Times { get; private set; } = [];
    public IReadOnlyList<Given> DonatedByPerson { get; private set; } = [];
    public decimal TotalHours => DonatedByPerson.Sum(g => g.Hours);
    public decimal TotalValue => DonatedByPerson.Sum(g => g.Value);
    public DateOnly Today { get; private set; }
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await AccessAsync(id, cancellationToken) is { } missing) return missing;
        if (Access.IsStaffView) await audit.RecordAsync(User, AuditTrail.Actions.ViewPersonalData, null, $"probono project {id}", cancellationToken);
        Message = TempData[MessageKey] as string;
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>The phases as all-day events (start to due date), for the team's and the organization's calendars.</summary>
    public async Task<IActionResult> OnGetCalendarAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await AccessAsync(id, cancellationToken) is { } missing) return missing;
        var text = ProjectCalendar.Serialize(Project, kind => l[ProjectText.For(kind)], $"{Request.Scheme}://{Request.Host}{ProjectLinks.Project(id)}");
        return File(System.Text.Encoding.UTF8.GetBytes(text), ProjectCalendar.ContentType, $"probono-{id:N}.ics");
    }

    public async Task<IActionResult> OnPostEntryAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await WorkerAsync(id, cancellationToken) is { } refused) return refused;
        var text = NewEntry.Text?.Trim() ?? "";
        if (text.Length == 0) ModelState.AddModelError("NewEntry.Text", l["内容を入力してください。"]);
        else if (text.Length > ProjectLogEntry.MaxTextLength) ModelState.AddModelError("NewEntry.Text", l["内容は{0}文字以内で入力してください。", ProjectLogEntry.MaxTextLength]);
        if (!Enum.IsDefined(NewEntry.Kind)) ModelState.AddModelError("NewEntry.Kind", l["記録の種類を選んでください。"]);
        if (!ModelState.IsValid) return await ShowAsync(cancellationToken);
        db.ProjectLogEntries.Add(new ProjectLogEntry(id, NewEntry.Kind, text, Access.AccountId, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return Done(id, NewEntry.Kind == ProjectLogKind.Decision ? "決定事項を記録しました。" : "メモを記録しました。");
    }

    public async Task<IActionResult> OnPostPhaseAsync(Guid id, ProjectPhaseKind kind, bool done, CancellationToken cancellationToken)
    {
        if (await WorkerAsync(id, cancellationToken) is { } refused) return refused;
        if (!Enum.IsDefined(kind)) return NotFound();
        var now = clock.GetUtcNow();
        var wasCompleted = Project.Status == ProjectStatus.Completed;
        if (done) Project.CompletePhase(kind, JapanTime.Date(now), now);
        else Project.ReopenPhase(kind);
        if (!wasCompleted && Project.Status == ProjectStatus.Completed) await AskForEvaluationsAsync(now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Done(id, done ? "フェーズを完了にしました。" : "フェーズを進行中に戻しました。");
    }

    public async Task<IActionResult> OnPostScheduleAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await WorkerAsync(id, cancellationToken) is { } refused) return refused;
        if (!Enum.IsDefined(Schedule.Kind)) return NotFound();
        if (Schedule.StartsOn is not { } starts) ModelState.AddModelError("Schedule.StartsOn", l["開始日を入力してください。"]);
        if (Schedule.DueOn is not { } due) ModelState.AddModelError("Schedule.DueOn", l["期日を入力してください。"]);
        else if (Schedule.StartsOn is { } s && due < s) ModelState.AddModelError("Schedule.DueOn", l["期日は開始日以降にしてください。"]);
        else if (Schedule.StartsOn is { } start && due.DayNumber - start.DayNumber > 366) ModelState.AddModelError("Schedule.DueOn", l["フェーズの期間は1年以内にしてください。"]);
        if (!ModelState.IsValid) return await ShowAsync(cancellationToken);
        Project.Phases.Single(p => p.Kind == Schedule.Kind).Reschedule(Schedule.StartsOn!.Value, Schedule.DueOn!.Value);
        await db.SaveChangesAsync(cancellationToken);
        return Done(id, "日程を変更しました。");
    }

    public async Task<IActionResult> OnPostItemAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await WorkerAsync(id, cancellationToken) is { } refused) return refused;
        var text = NewItem?.Trim() ?? "";
        var count = await db.HandOverItems.CountAsync(i => i.ProjectId == id, cancellationToken);
        if (text.Length == 0) ModelState.AddModelError(nameof(NewItem), l["項目を入力してください。"]);
        else if (text.Length > HandOverItem.MaxTextLength) ModelState.AddModelError(nameof(NewItem), l["項目は{0}文字以内で入力してください。", HandOverItem.MaxTextLength]);
        else if (count >= HandOverItem.MaxItems) ModelState.AddModelError(nameof(NewItem), l["引き継ぎの項目は{0}件までです。", HandOverItem.MaxItems]);
        if (!ModelState.IsValid) return await ShowAsync(cancellationToken);
        db.HandOverItems.Add(new HandOverItem(id, text, count));
        await db.SaveChangesAsync(cancellationToken);
        return Done(id, "引き継ぎの項目を加えました。");
    }

    public async Task<IActionResult> OnPostCheckAsync(Guid id, Guid itemId, bool done, CancellationToken cancellationToken)
    {
        if (await WorkerAsync(id, cancellationToken) is { } refused) return refused;
        var item = await db.HandOverItems.SingleOrDefaultAsync(i => i.Id == itemId && i.ProjectId == id, cancellationToken);
        if (item is null) return NotFound();
        if (done) item.Check(Access.AccountId, clock.GetUtcNow());
        else item.Uncheck();
        await db.SaveChangesAsync(cancellationToken);
        return Done(id, done ? "引き継ぎの項目を済みにしました。" : "引き継ぎの項目を未了に戻しました。");
    }

    /// <summary>A member records the hours they gave on one day, in their role on the team.</summary>
    public async Task<IActionResult> OnPostTimeAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await WorkerAsync(id, cancellationToken) is { } refused) return refused;
        if (!Access.IsMember) return Forbid();
        var today = JapanTime.Date(clock.GetUtcNow());
        var first = JapanTime.Date(Project.CreatedAt).AddDays(-30);
        if (NewTime.On is not { } on) ModelState.AddModelError("NewTime.On", l["日付を入力してください。"]);
        else if (on > today || on < first) ModelState.AddModelError("NewTime.On", l["日付はプロジェクトの期間中（今日まで）にしてください。"]);
        if (NewTime.Hours is not { } hours || hours <= 0 || hours > DonatedTime.MaxHoursPerDay || decimal.Round(hours, 2) != hours)
            ModelState.AddModelError("NewTime.Hours", l["時間は0より大きく{0}以下（小数は2桁まで）で入力してください。", DonatedTime.MaxHoursPerDay]);
        var note = NewTime.Note?.Trim() ?? "";
        if (note.Length > DonatedTime.MaxNoteLength) ModelState.AddModelError("NewTime.Note", l["メモは{0}文字以内で入力してください。", DonatedTime.MaxNoteLength]);
        if (ModelState.IsValid)
        {
            var sameDay = await db.DonatedTimes.Where(t => t.ProjectId == id && t.AccountId == Access.AccountId && t.On == NewTime.On!.Value)
                .Select(t => t.Hours).ToListAsync(cancellationToken);
            if (sameDay.Sum() + NewTime.Hours!.Value > DonatedTime.MaxHoursPerDay)
                ModelState.AddModelError("NewTime.Hours", l["1日の合計は{0}時間までです。", DonatedTime.MaxHoursPerDay]);
        }
        if (!ModelState.IsValid) return await ShowAsync(cancellationToken);
        db.DonatedTimes.Add(new DonatedTime(id, Access.AccountId, Access.MemberRole!, NewTime.On!.Value, NewTime.Hours!.Value, note, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return Done(id, "活動時間を記録しました。");
    }

    public async Task<IActionResult> OnPostRemoveTimeAsync(Guid id, Guid entryId, CancellationToken cancellationToken)
    {
        if (await WorkerAsync(id, cancellationToken) is { } refused) return refused;
        var entry = await db.DonatedTimes.SingleOrDefaultAsync(t => t.Id == entryId && t.ProjectId == id && t.AccountId == Access.AccountId, cancellationToken);
        if (entry is null) return NotFound();
        db.DonatedTimes.Remove(entry);
        await db.SaveChangesAsync(cancellationToken);
        return Done(id, "活動時間の記録を取り消しました。");
    }

    /// <summary>Both sides are asked to evaluate once, at the first completion (a project reopened and completed again is not asked twice).</summary>
    private async Task AskForEvaluationsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var link = ProjectLinks.Evaluation(Project.Id);
        if (await db.Notifications.AnyAsync(n => n.Kind == NotificationKind.ProBonoEvaluationRequested && n.Link == link, cancellationToken)) return;
        var team = await db.RoundAssignments.AsNoTracking()
            .Where(a => a.ChallengeId == Project.ChallengeId && a.Response == AssignmentResponse.Accepted).Select(a => a.AccountId).ToListAsync(cancellationToken);
        var admins = await db.Memberships.AsNoTracking()
            .Where(m => m.OrganizationId == Project.OrganizationId && m.Role == MembershipRole.Admin).Select(m => m.AccountId).ToListAsync(cancellationToken);
        db.Notifications.AddRange(team.Concat(admins).Distinct().Select(a => ProBonoNotices.For(a, Project.Title, NotificationKind.ProBonoEvaluationRequested, "", link, now)));
    }

    private async Task<IActionResult?> AccessAsync(Guid id, CancellationToken cancellationToken)
    {
        var access = await ProjectAccess.ForAsync(db, authorization, User, id, cancellationToken);
        if (access is null) return NotFound();
        Access = access;
        return null;
    }

    /// <summary>Changes are the organization's and the team's; coordinators read.</summary>
    private async Task<IActionResult?> WorkerAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await AccessAsync(id, cancellationToken) is { } missing) return missing;
        return Access.CanWork ? null : Forbid();
    }

    private RedirectResult Done(Guid id, string message)
    {
        TempData[MessageKey] = message;
        return Redirect(ProjectLinks.Project(id));
    }

    /// <summary>The page again with the form's errors: every handler checks before it changes anything.</summary>
    private async Task<PageResult> ShowAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var id = Project.Id;
        Today = JapanTime.Date(clock.GetUtcNow());
        OrganizationName = await db.Organizations.AsNoTracking().Where(o => o.Id == Project.OrganizationId).Select(o => o.Name).SingleAsync(cancellationToken);
        // Contacts are shown to the people on the project only, for the project's work.
        var contacts = Access.CanWork;
        Team = await db.RoundAssignments.AsNoTracking()
            .Where(a => a.ChallengeId == Project.ChallengeId && a.Response == AssignmentResponse.Accepted)
            .Join(db.Users, a => a.AccountId, u => u.Id, (a, u) => new Person(u.DisplayName, contacts ? u.Email : null, a.Role))
            .ToListAsync(cancellationToken);
        Admins = await db.Memberships.AsNoTracking()
            .Where(m => m.OrganizationId == Project.OrganizationId && m.Role == MembershipRole.Admin)
            .Join(db.Users, m => m.AccountId, u => u.Id, (m, u) => new Person(u.DisplayName, contacts ? u.Email : null, ""))
            .ToListAsync(cancellationToken);
        Log = await db.ProjectLogEntries.AsNoTracking().Where(e => e.ProjectId == id)
            .OrderByDescending(e => e.CreatedAt).Take(200)
            .GroupJoin(db.Users, e => e.AuthorId, u => u.Id, (e, authors) => new { e, authors })
            .SelectMany(x => x.authors.DefaultIfEmpty(), (x, u) => new Entry(x.e.Kind, x.e.Text, u == null ? "" : u.DisplayName, x.e.CreatedAt))
            .ToListAsync(cancellationToken);
        Checklist = await db.HandOverItems.AsNoTracking().Where(i => i.ProjectId == id).OrderBy(i => i.Position).ToListAsync(cancellationToken);
        var times = await db.DonatedTimes.AsNoTracking().Where(t => t.ProjectId == id)
            .GroupJoin(db.Users, t => t.AccountId, u => u.Id, (t, people) => new { t, people })
            .SelectMany(x => x.people.DefaultIfEmpty(), (x, u) => new { x.t, Name = u == null ? "" : u.DisplayName })
            .ToListAsync(cancellationToken);
        // Hours are decimals, which SQLite cannot sum: the few rows of a project are summed here.
        Times = times.OrderByDescending(x => x.t.On).ThenByDescending(x => x.t.RecordedAt)
            .Select(x => new Time(x.t.Id, x.Name, x.t.Skill, x.t.On, x.t.Hours, x.t.Note, x.t.AccountId == Access.AccountId)).ToList();
        var rates = options.Value;
        DonatedByPerson = times.GroupBy(x => (x.t.AccountId, x.Name, x.t.Skill))
            .Select(g => new Given(g.Key.Name, g.Key.Skill, g.Sum(x => x.t.Hours), rates.RateFor(g.Key.Skill), rates.Value(g.Select(x => (x.t.Skill, x.t.Hours)))))
            .OrderByDescending(g => g.Hours).ToList();
    }
}
