using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tsunagari.Platform.Localization;

namespace Tsunagari.Features.Engagement.Record;

/// <summary>The person's activity record (活動記録), printable.</summary>
[Authorize]
public sealed class IndexModel(ReadRecord read) : PageModel
{
    public ActivityRecord Record { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Record = await read.RunAsync(Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!), Cultures.IsEnglish, cancellationToken);
}
