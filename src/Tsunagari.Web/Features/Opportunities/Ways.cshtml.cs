using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tsunagari.Features.Accounts;

namespace Tsunagari.Features.Opportunities;

/// <summary>The ways to take part, for prefecture admins to edit.</summary>
[Authorize(Policy = Policies.PrefectureAdmin)]
public sealed class WaysModel(ListWays listWays) : PageModel
{
    public const string SavedKey = "WaySaved";

    public IReadOnlyList<WayToTakePart> Ways { get; private set; } = [];
    public string? Saved { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Ways = await listWays.RunAsync(cancellationToken);
        Saved = TempData[SavedKey] as string;
    }
}
