using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tsunagari.Data;

namespace Tsunagari.Features.ProBono.Cases;

/// <summary>One published case: the organization, the challenge, what was made, the period, the team's size and roles (no names) and the summary.</summary>
[AllowAnonymous]
public sealed class CaseModel(AppDbContext db) : PageModel
{
    public PublishedCases.Detail Case { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await PublishedCases.FindAsync(db, id, cancellationToken) is not { } found) return NotFound();
        Case = found;
        return Page();
    }
}
