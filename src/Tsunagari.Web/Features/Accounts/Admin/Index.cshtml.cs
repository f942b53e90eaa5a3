using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;

namespace Tsunagari.Features.Accounts.Admin;

/// <summary>Prefecture admins find accounts by email to manage roles; every search is audited.</summary>
[Authorize(Policy = Policies.PrefectureAdmin)]
public sealed class IndexModel(AppDbContext db, AuditTrail audit) : PageModel
{
    public sealed record Row(Guid Id, string Email, string DisplayName);

    [BindProperty(SupportsGet = true)]
    public string? Email { get; set; }

    public IReadOnlyList<Row>? Results { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var query = Email?.Trim();
        if (string.IsNullOrEmpty(query)) return;
        var normalized = query.ToUpperInvariant();
        Results = await db.Users.AsNoTracking()
            .Where(a => a.NormalizedEmail!.Contains(normalized))
            .OrderBy(a => a.NormalizedEmail).Take(50)
            .Select(a => new Row(a.Id, a.Email!, a.DisplayName))
            .ToListAsync(cancellationToken);
        await audit.RecordAsync(User, AuditTrail.Actions.SearchAccounts, null, query, cancellationToken);
    }
}
