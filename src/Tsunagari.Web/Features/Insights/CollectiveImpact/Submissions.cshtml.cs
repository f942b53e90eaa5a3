using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Features.ImpactEvaluation;
using Tsunagari.Platform;
using Tsunagari.Resources;

namespace Tsunagari.Features.Insights.CollectiveImpact;

/// <summary>
/// Partners' admins submit their organization's values of the shared indicators for a period (the current one or a past
/// one still open) and record their activities; everyone who reads the dashboard sees who has and has not submitted. A
/// partner's admin submits for their own organization only; the backbone's admins may record activities for any partner.
/// </summary>
[Authorize]
public sealed class SubmissionsModel(AppDbContext db, CollectiveFigures figures, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    public const string MessageKey = "CollectiveSubmissionsMessage";

    [BindProperty(SupportsGet = true)] public string? OrganizationId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }
    [BindProperty] public Dictionary<string, string?> Values { get; set; } = [];
    [BindProperty] public Dictionary<string, string?> Notes { get; set; } = [];
    [BindProperty] public string? ActivityOrganizationId { get; set; }
    [BindProperty] public string? ActivityTitle { get; set; }
    [BindProperty] public string? ActivityDescription { get; set; }
    [BindProperty] public List<string> ActivityIndicators { get; set; } = [];
    [BindProperty] public string? ActivityStatus { get; set; }
    [BindProperty] public string? ActivityId { get; set; }
    [BindProperty] public bool ConfirmRemove { get; set; }

    public CollectiveAccess Access { get; private set; } = null!;
    public IReadOnlyList<Indicator> Indicators { get; private set; } = [];
    public IReadOnlyList<CollectivePeriod> Periods { get; private set; } = [];
    /// <summary>The activities the person may change: those of the partners they record activities for.</summary>
    public IReadOnlyList<CollectiveActivity> Activities { get; private set; } = [];
    public IReadOnlyDictionary<(Guid Organization, Guid Indicator, DateOnly Period), CollectiveFigures.Value> Submitted { get; private set; } = new Dictionary<(Guid, Guid, DateOnly), CollectiveFigures.Value>();
    public DateOnly Today { get; private set; }
    public string? Message { get; private set; }

    /// <summary>The organization the form submits for, when the person may submit for one.</summary>
    public Guid? Organization { get; private set; }

    /// <summary>The period the form is for.</summary>
    public CollectivePeriod? Selected { get; private set; }

    public IEnumerable<CollectivePeriod> OpenPeriods => Periods.Where(p => p.IsOpen(Today)).Reverse();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused) return refused;
        Message = TempData[MessageKey] as string;
        Select();
        FillForm();
        return Page();
    }

    public async Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused) return refused;
        if (!Guid.TryParse(OrganizationId, out var organizationId) || !Access.MaySubmitFor(organizationId)) return Access.CanRead ? Forbid() : NotFound();
        Organization = organizationId;
        var period = Periods.Where(p => Access.Current.First(c => c.Organization.Id == organizationId).Partner.CoversPeriod(p))
            .FirstOrDefault(p => CollectiveInput.Day(p.Start) == Period);
        if (period == default) ModelState.AddModelError(nameof(Period), l["提出する期間を選んでください。"]);
        else if (!period.IsOpen(Today)) ModelState.AddModelError(nameof(Period), l["この期間は締め切られたため、値を変えられません。"]);
        else Selected = period;
        var parsed = Parse();
        if (!ModelState.IsValid) return Page();
        if (parsed.Count == 0)
        {
            ModelState.AddModelError("", l["提出する値を1つ以上入力してください。"]);
            return Page();
        }
        await SaveAsync(id, organizationId, period, parsed, cancellationToken);
        TempData[MessageKey] = "値を提出しました。";
        return Redirect($"{CollectiveUrls.Submissions(id)}?OrganizationId={organizationId}&Period={CollectiveInput.Day(period.Start)}");
    }

    public async Task<IActionResult> OnPostAddActivityAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused) return refused;
        if (!Guid.TryParse(ActivityOrganizationId, out var organizationId) || !Access.MayRecordActivityFor(organizationId))
            return Access.CanSubmit ? ActivityError(nameof(ActivityOrganizationId), l["活動を登録する団体を選んでください。"]) : Access.CanRead ? Forbid() : NotFound();
        var title = (ActivityTitle ?? "").Trim();
        var description = (ActivityDescription ?? "").Trim();
        if (title.Length == 0) ModelState.AddModelError(nameof(ActivityTitle), l["活動の名前を入力してください。"]);
        else if (title.Length > CollectiveActivity.MaxTitleLength) ModelState.AddModelError(nameof(ActivityTitle), l["{0}文字以内で入力してください。", CollectiveActivity.MaxTitleLength]);
        if (description.Length > CollectiveActivity.MaxDescriptionLength) ModelState.AddModelError(nameof(ActivityDescription), l["{0}文字以内で入力してください。", CollectiveActivity.MaxDescriptionLength]);
        var status = ParseStatus();
        var indicatorIds = ActivityIndicators.Select(s => Guid.TryParse(s, out var g) ? g : Guid.Empty).ToList();
        if (indicatorIds.Any(g => Indicators.All(i => i.Id != g))) ModelState.AddModelError(nameof(ActivityIndicators), l["共通指標の中から選んでください。"]);
        if (!ModelState.IsValid || status is null) return Again();
        db.CollectiveActivities.Add(new CollectiveActivity(id, organizationId, title, description, indicatorIds, status.Value, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        TempData[MessageKey] = "活動を登録しました。";
        return Redirect(CollectiveUrls.Submissions(id));
    }

    /// <summary>A recorded activity moves on (planned, ongoing, done), by those who may record activities for its partner.</summary>
    public async Task<IActionResult> OnPostChangeActivityAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused) return refused;
        if (!Access.CanSubmit) return Access.CanRead ? Forbid() : NotFound();
        var activity = await ChosenActivityAsync(cancellationToken);
        var status = ParseStatus();
        if (activity is null || status is null) return Again();
        activity.Status = status.Value;
        await db.SaveChangesAsync(cancellationToken);
        TempData[MessageKey] = "活動の状態を変えました。";
        return Redirect(CollectiveUrls.Submissions(id));
    }

    /// <summary>Removes an activity recorded by mistake, once confirmed; the submitted values are not touched.</summary>
    public async Task<IActionResult> OnPostRemoveActivityAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused) return refused;
        if (!Access.CanSubmit) return Access.CanRead ? Forbid() : NotFound();
        var activity = await ChosenActivityAsync(cancellationToken);
        if (activity is not null && !ConfirmRemove)
            ModelState.AddModelError(nameof(ConfirmRemove), l["活動を削除するには、確認の欄にチェックを入れてください。"]);
        if (activity is null || !ModelState.IsValid) return Again();
        db.CollectiveActivities.Remove(activity);
        await db.SaveChangesAsync(cancellationToken);
        TempData[MessageKey] = "活動を削除しました。";
        return Redirect(CollectiveUrls.Submissions(id));
    }

    /// <summary>The activity the form names, tracked, when it is one the person may change; otherwise a message.</summary>
    private async Task<CollectiveActivity?> ChosenActivityAsync(CancellationToken cancellationToken)
    {
        var chosen = Guid.TryParse(ActivityId, out var activityId) && Activities.Any(a => a.Id == activityId)
            ? await db.CollectiveActivities.SingleOrDefaultAsync(a => a.Id == activityId, cancellationToken)
            : null;
        if (chosen is null) ModelState.AddModelError(nameof(ActivityId), l["活動を一覧から選んでください。"]);
        return chosen;
    }

    private CollectiveActivityStatus? ParseStatus()
    {
        if (Enum.TryParse<CollectiveActivityStatus>(ActivityStatus, out var status) && Enum.IsDefined(status)) return status;
        ModelState.AddModelError(nameof(ActivityStatus), l["活動の状態を選んでください。"]);
        return null;
    }

    private PageResult Again()
    {
        Select();
        FillForm();
        return Page();
    }

    private PageResult ActivityError(string key, string message)
    {
        ModelState.AddModelError(key, message);
        return Again();
    }

    /// <summary>The typed values by indicator (empty ones left out: not submitted), errors added to the model state.</summary>
    private Dictionary<Guid, (decimal Value, string Note)> Parse()
    {
        var parsed = new Dictionary<Guid, (decimal, string)>();
        foreach (var indicator in Indicators)
        {
            var key = indicator.Id.ToString();
            var text = (Values.GetValueOrDefault(key) ?? "").Trim().Replace(",", "", StringComparison.Ordinal);
            var note = (Notes.GetValueOrDefault(key) ?? "").Trim();
            if (note.Length > CollectiveSubmission.MaxNoteLength)
                ModelState.AddModelError($"Notes[{key}]", l["「{0}」のメモは{1}文字以内で入力してください。", indicator.Name, CollectiveSubmission.MaxNoteLength]);
            if (text.Length == 0) continue;
            if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) || Math.Abs(value) > Indicator.MaxValue || decimal.Round(value, 2) != value)
                ModelState.AddModelError($"Values[{key}]", l["「{0}」の値は数で入力してください（小数は2桁まで）。", indicator.Name]);
            else parsed[indicator.Id] = (value, note);
        }
        return parsed;
    }

    private async Task SaveAsync(Guid id, Guid organizationId, CollectivePeriod period, Dictionary<Guid, (decimal Value, string Note)> parsed, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var existing = await db.CollectiveSubmissions
            .Where(s => s.InitiativeId == id && s.OrganizationId == organizationId && s.PeriodStart == period.Start).ToListAsync(cancellationToken);
        foreach (var (indicatorId, (value, note)) in parsed)
        {
            if (existing.FirstOrDefault(s => s.IndicatorId == indicatorId) is { } row) row.Correct(value, note, Access.AccountId, now);
            else db.CollectiveSubmissions.Add(new CollectiveSubmission(id, organizationId, indicatorId, period.Start, value, note, Access.AccountId, now));
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The organization and period of the form: the asked ones when allowed, else the first the person may submit for and the latest open period.</summary>
    private void Select()
    {
        Organization = Guid.TryParse(OrganizationId, out var asked) && Access.MaySubmitFor(asked) ? asked
            : Access.PartnerAdminOf.Count > 0 ? Access.Current.First(p => Access.PartnerAdminOf.Contains(p.Organization.Id)).Organization.Id : null;
        var open = OpenPeriods.ToList();
        Selected = open.FirstOrDefault(p => CollectiveInput.Day(p.Start) == Period) is { Start.Year: > 1 } chosen ? chosen : open.Count > 0 ? open[0] : null;
    }

    /// <summary>Puts the saved values of the selected organization and period in the form.</summary>
    private void FillForm()
    {
        if (Organization is not { } organization || Selected is not { } period) return;
        foreach (var indicator in Indicators)
        {
            if (!Submitted.TryGetValue((organization, indicator.Id, period.Start), out var v)) continue;
            Values[indicator.Id.ToString()] = v.Amount.ToString("0.##", CultureInfo.InvariantCulture);
            Notes[indicator.Id.ToString()] = v.Note;
        }
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var access = await CollectiveAccess.LoadAsync(db, User, id, cancellationToken);
        if (access is null || !(access.CanRead || access.CanSubmit)) return NotFound();
        Access = access;
        Today = JapanTime.Date(clock.GetUtcNow());
        Indicators = await figures.IndicatorsAsync(id, cancellationToken);
        Periods = CollectiveFigures.RecentPeriods(access.Initiative, Today);
        Submitted = await figures.ValuesAsync(id, Periods, cancellationToken);
        var recordedFor = access.Current.Select(p => p.Organization.Id).Where(access.MayRecordActivityFor).ToList();
        Activities = await db.CollectiveActivities.AsNoTracking().Where(a => a.InitiativeId == id && recordedFor.Contains(a.OrganizationId))
            .OrderBy(a => a.Status).ThenBy(a => a.Title).ToListAsync(cancellationToken);
        return null;
    }
}
