using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;

namespace Tsunagari.Features.Engagement.Profiles;

/// <summary>マイページ: where a signed-in person finds everything about their own taking part.</summary>
[Authorize]
public sealed class MeModel(AppDbContext db) : PageModel
{
    public string DisplayName { get; private set; } = "";
    public Guid AccountId { get; private set; }
    public ProfileVisibility? Visibility { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        AccountId = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        var me = AccountId;
        DisplayName = await db.Users.AsNoTracking().Where(u => u.Id == me).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken) ?? "";
        Visibility = await db.ResidentProfiles.AsNoTracking().Where(p => p.AccountId == me)
            .Select(p => (ProfileVisibility?)p.Visibility).SingleOrDefaultAsync(cancellationToken);
    }
}
