using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Platform;
using Tsunagari.Resources;

namespace Tsunagari.Features.Insights.CollectiveImpact;

/// <summary>
/// The communication log: meetings, newsletters and calls with the partners who took part and the next date; the
/// cadence, with every gap longer than the agreed interval flagged. Members and staff read it; the backbone's admins add entries.
/// </summary>
[Authorize]
public sealed class LogModel(AppDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    public const string MessageKey = "CollectiveLogMessage";
    public const int MaxEntries = 500;

    [BindProperty] public string? Date { get; set; }
    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? Summary { get; set; }
    [BindProperty] public List<string> Partners { get; set; } = [];
    [BindProperty] public string? NextDate { get; set; }
    [BindProperty] public string? EntryId { get; set; }
    [BindProperty] public bool ConfirmRemove { get; set; }

    public CollectiveAccess Access { get; private set; } = null!;
    public IReadOnlyList<CollectiveLogEntry> Entries { get; private set; } = [];
    public CommunicationCadence Cadence { get; private set; } = null!;
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused) return refused;
        Message = TempData[MessageKey] as string;
        Date = CollectiveInput.Day(JapanTime.Date(clock.GetUtcNow()));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused) return refused;
        if (!Access.IsBackboneAdmin) return Forbid();
        var today = JapanTime.Date(clock.GetUtcNow());
        var date = CollectiveInput.ParseDay(Date);
        if (date is null) ModelState.AddModelError(nameof(Date), l["日付を年-月-日で入力してください。"]);
        else if (date > today) ModelState.AddModelError(nameof(Date), l["まだ来ていない日の記録はつけられません。"]);
        DateOnly? next = null;
        if (!string.IsNullOrWhiteSpace(NextDate))
        {
            next = CollectiveInput.ParseDay(NextDate);
            if (next is null || (date is { } d && next <= d)) ModelState.AddModelError(nameof(NextDate), l["次回の日付は、この記録の日より後の日を年-月-日で入力してください。"]);
        }
        if (!Enum.TryParse<CommunicationKind>(Kind, out var kind) || !Enum.IsDefined(kind))
            ModelState.AddModelError(nameof(Kind), l["種類を選んでください。"]);
        var summary = (Summary ?? "").Trim();
        if (summary.Length == 0) ModelState.AddModelError(nameof(Summary), l["内容の要約を入力してください。"]);
        else if (summary.Length > CollectiveLogEntry.MaxSummaryLength) ModelState.AddModelError(nameof(Summary), l["{0}文字以内で入力してください。", CollectiveLogEntry.MaxSummaryLength]);
        var partners = Partners.Select(p => Guid.TryParse(p, out var g) ? g : Guid.Empty).ToList();
        if (partners.Any(p => Access.Partners.All(x => x.Organization.Id != p)))
            ModelState.AddModelError(nameof(Partners), l["パートナーの中から選んでください。"]);
        if (!ModelState.IsValid) return Page();
        db.CollectiveLogEntries.Add(new CollectiveLogEntry(id, date!.Value, kind, summary, partners, next, Access.AccountId, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        TempData[MessageKey] = "記録を加えました。";
        return Redirect(CollectiveUrls.Log(id));
    }

    /// <summary>Removes an entry written by mistake, once confirmed (the backbone's admins, who write the log).</summary>
    public async Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused) return refused;
        if (!Access.IsBackboneAdmin) return Forbid();
        var entry = Guid.TryParse(EntryId, out var entryId) && Entries.Any(e => e.Id == entryId)
            ? await db.CollectiveLogEntries.SingleOrDefaultAsync(e => e.Id == entryId, cancellationToken)
            : null;
        if (entry is null) ModelState.AddModelError(nameof(EntryId), l["記録を一覧から選んでください。"]);
        else if (!ConfirmRemove) ModelState.AddModelError(nameof(ConfirmRemove), l["記録を削除するには、確認の欄にチェックを入れてください。"]);
        if (!ModelState.IsValid) return Page();
        db.CollectiveLogEntries.Remove(entry!);
        await db.SaveChangesAsync(cancellationToken);
        TempData[MessageKey] = "記録を削除しました。";
        return Redirect(CollectiveUrls.Log(id));
    }

    public string PartnerNames(CollectiveLogEntry entry) =>
        string.Join(l["、"], Access.Partners.Where(p => entry.OrganizationIds.Contains(p.Organization.Id)).Select(p => p.Organization.Name));

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var access = await CollectiveAccess.LoadAsync(db, User, id, cancellationToken);
        if (access is null || !access.CanRead) return NotFound();
        Access = access;
        Entries = await db.CollectiveLogEntries.AsNoTracking().Where(e => e.InitiativeId == id)
            .OrderByDescending(e => e.Date).ThenByDescending(e => e.RecordedAt).Take(MaxEntries).ToListAsync(cancellationToken);
        Cadence = CommunicationCadence.Of(Entries.Select(e => e.Date), access.Initiative.CommunicationIntervalDays, JapanTime.Date(clock.GetUtcNow()));
        return null;
    }
}
