using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;

namespace Tsunagari.Features.Engagement.Notifications;

/// <summary>/me/notifications: a person's notifications (newest first), marking them read, and how they are mailed.</summary>
[Authorize]
public sealed class InboxModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public const int Shown = 100;

    public IReadOnlyList<Notification> Notifications { get; private set; } = [];
    public bool PrefersDailyDigest { get; private set; }
    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var me = AccountId();
        Notifications = await db.Notifications.AsNoTracking().Where(n => n.AccountId == me)
            .OrderByDescending(n => n.CreatedAt).Take(Shown).ToListAsync(cancellationToken);
        PrefersDailyDigest = await db.Users.AsNoTracking().Where(a => a.Id == me).Select(a => a.PrefersDailyDigest).SingleAsync(cancellationToken);
        if (TempData[nameof(Message)] is string message) Message = message;
    }

    public async Task<IActionResult> OnPostReadAsync(Guid id, CancellationToken cancellationToken)
    {
        var me = AccountId();
        var now = clock.GetUtcNow();
        // Only the person's own notifications; any other id changes nothing.
        await db.Notifications.Where(n => n.Id == id && n.AccountId == me && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken cancellationToken)
    {
        var me = AccountId();
        var now = clock.GetUtcNow();
        await db.Notifications.Where(n => n.AccountId == me && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
        TempData[nameof(Message)] = "すべて既読にしました。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDigestAsync(bool prefersDailyDigest, CancellationToken cancellationToken)
    {
        var me = AccountId();
        await db.Users.Where(a => a.Id == me).ExecuteUpdateAsync(s => s.SetProperty(a => a.PrefersDailyDigest, prefersDailyDigest), cancellationToken);
        TempData[nameof(Message)] = "受け取り方を保存しました。";
        return RedirectToPage();
    }

    private Guid AccountId() => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
}
