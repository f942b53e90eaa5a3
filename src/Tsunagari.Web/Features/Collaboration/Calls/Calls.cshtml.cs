using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;

namespace Tsunagari.Features.Collaboration.Calls;

/// <summary>The calls of the trial-collaboration scheme, newest first: open, under review and closed for everyone; drafts for staff.</summary>
[AllowAnonymous]
public sealed class CallsModel(AppDbContext db) : PageModel
{
    public sealed record Row(Guid Id, CallKind Kind, string Title, string Theme, string Department, long BudgetCeiling,
        DateOnly StartsOn, DateOnly EndsOn, DateOnly Deadline, CallStatus Status);

    public bool IsGovernmentStaff { get; private set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        IsGovernmentStaff = CollaborationAccess.IsGovernmentStaff(User);
        var staff = IsGovernmentStaff;
        Rows = await db.CollaborationCalls.AsNoTracking()
            .Where(c => staff || c.Status != CallStatus.Draft)
            .OrderByDescending(c => c.CreatedAt)
            .Select(c => new Row(c.Id, c.Kind, c.Title, c.Theme, c.Department, c.BudgetCeiling, c.StartsOn, c.EndsOn, c.Deadline, c.Status))
            .ToListAsync(cancellationToken);
    }
}
