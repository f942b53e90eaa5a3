using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tsunagari.Features.Accounts;
using Tsunagari.Features.Collaboration;

namespace Tsunagari.Features.Insights;

/// <summary>The entrance to visibility (見える化): what each view shows and who may open it.</summary>
[AllowAnonymous]
public sealed class IndexModel : PageModel
{
    /// <summary>Coordinators and prefecture staff study the network of connections.</summary>
    public bool IsStaff { get; private set; }

    /// <summary>Prefecture and municipal staff read the policy registry.</summary>
    public bool IsGovernmentStaff { get; private set; }

    public void OnGet()
    {
        IsStaff = User.IsInRole(Roles.Coordinator) || User.IsInRole(Roles.PrefectureAdmin);
        IsGovernmentStaff = IsStaff || CollaborationAccess.IsGovernmentStaff(User);
    }
}
