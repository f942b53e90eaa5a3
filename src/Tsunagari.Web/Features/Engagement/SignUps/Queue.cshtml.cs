using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.Opportunities;

namespace Tsunagari.Features.Engagement.SignUps;

/// <summary>
/// /opportunities/{id}/signups: the organization admins' list of sign-ups per occurrence, with the answers, to approve,
/// decline or cancel (with a reason).
/// </summary>
[Authorize]
public sealed class QueueModel(AppDbContext db, ChangeSignUpStatus change, IAuthorizationService authorization) : PageModel
{
    public sealed record Row(
        Guid Id, Guid AccountId, string Name, DateOnly Occurrence, SignUpStatus Status, int? Seat, IReadOnlyList<string> Answers,
        string Reason, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

    public Opportunity Opportunity { get; private set; } = null!;
    public IReadOnlyList<IGrouping<DateOnly, Row>> Occurrences { get; private set; } = [];
    public string? Message { get; private set; }

    [BindProperty]
    public Guid SignUpId { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var refused = await LoadAsync(id, cancellationToken);
        if (refused is not null) return refused;
        if (TempData[nameof(Message)] is string message) Message = message;
        return Page();
    }

    public Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, () => change.ApproveAsync(SignUpId, User, cancellationToken), "承認しました。", cancellationToken);

    public Task<IActionResult> OnPostDeclineAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, () => change.DeclineAsync(SignUpId, User, Reason, cancellationToken), "承認しないことにしました。", cancellationToken);

    public Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, () => change.CancelAsync(SignUpId, User, Reason, cancellationToken), "申込を取り消しました。", cancellationToken);

    private async Task<IActionResult> ChangeAsync(Guid id, Func<Task<SignUpProblem?>> run, string done, CancellationToken cancellationToken)
    {
        var refused = await LoadAsync(id, cancellationToken);
        if (refused is not null) return refused;
        // The sign-up must belong to this opportunity: the page's admin rights say nothing about other opportunities.
        if (!Occurrences.SelectMany(g => g).Any(r => r.Id == SignUpId)) return NotFound();
        if (ModelState.IsValid)
        {
            var problem = await run();
            if (problem is null)
            {
                TempData[nameof(Message)] = done;
                return RedirectToPage(new { id });
            }
            ModelState.AddModelError(nameof(Reason), problem.Message);
        }
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var opportunity = await db.Opportunities.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (opportunity is null) return NotFound();
        var organization = await OpportunityAccess.OrganizationAsync(db, opportunity.OrganizationId, cancellationToken);
        if (!await OpportunityAccess.CanManageAsync(authorization, User, organization)) return Forbid();
        Opportunity = opportunity;
        var rows = await (
            from s in db.SignUps.AsNoTracking()
            where s.OpportunityId == id
            join a in db.Users on s.AccountId equals a.Id
            select new Row(s.Id, s.AccountId, a.DisplayName, s.Occurrence, s.Status, s.Seat, s.Answers, s.CancellationReason, s.CreatedAt, s.UpdatedAt))
            .ToListAsync(cancellationToken);
        Occurrences = rows.OrderBy(r => r.Status).ThenBy(r => r.UpdatedAt).GroupBy(r => r.Occurrence).OrderBy(g => g.Key).ToList();
        return null;
    }
}
