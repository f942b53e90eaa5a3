using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.Opportunities;

namespace Tsunagari.Features.Engagement.SignUps;

/// <summary>
/// /opportunities/{id}/signup: the sign-up form on its own page. The opportunity page's form posts here; a refused
/// sign-up is shown here with what the person entered, so nothing is lost.
/// </summary>
[Authorize]
public sealed class SignUpPageModel(AppDbContext db, SignUpForOpportunity signUp, TimeProvider clock) : PageModel
{
    public Opportunity Opportunity { get; private set; } = null!;
    public SignUpFormView Form { get; private set; } = null!;
    public bool IsOpen { get; private set; }

    [BindProperty]
    public DateOnly? Occurrence { get; set; }

    [BindProperty]
    public List<string?> Answers { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var opportunity = await db.Opportunities.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (opportunity is null || !opportunity.IsPublic) return NotFound();
        Show(opportunity);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var opportunity = await db.Opportunities.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (opportunity is null || !opportunity.IsPublic) return NotFound();
        if (ModelState.IsValid)
        {
            var me = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
            var outcome = await signUp.RunAsync(id, me, Occurrence, Answers, cancellationToken);
            if (outcome.Problem is null)
            {
                TempData[DetailsModel.MessageKey] = outcome.Status switch
                {
                    SignUpStatus.Pending => "申込を受け付けました。団体の承認をお待ちください。",
                    SignUpStatus.Waitlisted => "定員に達しているため、キャンセル待ちで受け付けました。",
                    _ => "申し込みました。参加が確定しています。",
                };
                return Redirect($"/opportunities/{id}");
            }
            ModelState.AddModelError(outcome.Problem.Field, outcome.Problem.Message);
        }
        Show(opportunity);
        return Page();
    }

    private void Show(Opportunity opportunity)
    {
        Opportunity = opportunity;
        var now = clock.GetUtcNow();
        var upcoming = SignUpFormView.Upcoming(opportunity, now);
        IsOpen = SignUpFormView.IsOpen(opportunity, now, upcoming);
        Form = SignUpFormView.For(opportunity, now, upcoming, Occurrence, Answers);
    }
}
