using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tsunagari.Features.Collaboration;

namespace Tsunagari.Features.Insights;

/// <summary>The entrance to visibility (見える化): what each view shows and who may open it.</summary>
[AllowAnonymous]
public sealed class IndexModel : PageModel
{
    /// <summary>Coordinators and prefecture staff study the network of connections and the policy registry.</summary>
    public bool IsStaff { get; private set; }

    public void OnGet() => IsStaff = CollaborationAccess.IsGovernmentStaff(User);
}
