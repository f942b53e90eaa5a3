using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tsunagari.Data;

namespace Tsunagari.Features.ProBono.Cases;

/// <summary>The public case library (事例集): completed projects their organizations agreed to show, newest first.</summary>
[AllowAnonymous]
public sealed class CasesModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<PublishedCases.Summary> Rows { get; private set; } = [];
    public int CurrentPage { get; private set; } = 1;
    public int PageCount { get; private set; } = 1;

    public async Task OnGetAsync(int? page, CancellationToken cancellationToken)
    {
        // Any page number is answered: below 1 is the first page, past the last an empty one with a way back.
        CurrentPage = Math.Clamp(page ?? 1, 1, 10_000);
        var (rows, total) = await PublishedCases.PageAsync(db, CurrentPage, cancellationToken);
        Rows = rows;
        PageCount = Math.Max(1, (total + PublishedCases.PageSize - 1) / PublishedCases.PageSize);
    }
}
