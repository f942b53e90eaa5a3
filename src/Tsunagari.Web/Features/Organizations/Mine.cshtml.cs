using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;

namespace Tsunagari.Features.Organizations;

/// <summary>The organizations the signed-in person belongs to, with their role in each.</summary>
[Authorize]
public sealed class MineModel(AppDbContext db) : PageModel
{
    public sealed record Item(Guid Id, string Name, MembershipRole Role, VerificationStatus Verification);

    public IReadOnlyList<Item> Organizations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var accountId = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        var items = await db.Memberships.AsNoTracking()
            .Where(m => m.AccountId == accountId)
            .Join(db.Organizations, m => m.OrganizationId, o => o.Id, (m, o) => new Item(o.Id, o.Name, m.Role, o.Verification))
            .ToListAsync(cancellationToken);
        Organizations = [.. items.OrderBy(i => i.Name, StringComparer.Ordinal)];
    }
}
