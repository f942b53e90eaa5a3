using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Tsunagari.Features.Collaboration;

/// <summary>The entrance to collaboration: what the registry, the trial-collaboration scheme and places for dialogue are.</summary>
[AllowAnonymous]
public sealed class IndexModel : PageModel
{
    public bool IsGovernmentStaff { get; private set; }

    public void OnGet() => IsGovernmentStaff = CollaborationAccess.IsGovernmentStaff(User);
}
