using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tsunagari.Data;

namespace Tsunagari.Features.Engagement.SignUps;

/// <summary>/me/signups: a person's sign-ups, upcoming and past, and cancelling one.</summary>
[Authorize]
public sealed class MineModel(AppDbContext db, ChangeSignUpStatus change, TimeProvider clock) : PageModel
{
    public IReadOnlyList<SignUpItem> Upcoming { get; private set; } = [];
    public IReadOnlyList<SignUpItem> Past { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }
    public string? Message { get; private set; }

    [BindProperty]
    public Guid SignUpId { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (TempData[nameof(Message)] is string message) Message = message;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostCancelAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var problem = await change.CancelAsync(SignUpId, User, Reason, cancellationToken);
            if (problem is null)
            {
                TempData[nameof(Message)] = "申込を取り消しました。";
                return RedirectToPage();
            }
            if (problem.Status == StatusCodes.Status404NotFound) return NotFound();
            ModelState.AddModelError(nameof(Reason), problem.Message);
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow();
        var all = await SignUpItem.ListAsync(db, Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!), null, null, cancellationToken);
        Upcoming = all.Where(s => s.StartsAt > Now).OrderBy(s => s.StartsAt).ToList();
        Past = all.Where(s => s.StartsAt <= Now).ToList();
    }
}
