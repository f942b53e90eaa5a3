using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tsunagari.Features.Accounts;

namespace Tsunagari.Features.Collaboration;

/// <summary>
/// The government side of collaboration is the platform's staff: coordinators at support centres and municipalities and
/// the prefecture's admins. They keep the registry, run calls and reviews, and sign agreements for the department.
/// The staff role alone decides what staff read (<see cref="IsGovernmentStaff"/>); whatever they do as staff is
/// authorized with the <see cref="Policies.Staff"/> policy (<see cref="ActsAsStaffAsync"/>), which also asks for the
/// second factor at sign-in, as on the pages that carry the policy.
/// </summary>
public static class CollaborationAccess
{
    /// <summary>Where staff without a second factor are sent, as <see cref="TwoFactorSetupRedirect"/> sends them from the policy's pages.</summary>
    public const string TwoFactorSetup = "/account/two-factor?required=true";

    public static bool IsGovernmentStaff(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.PrefectureAdmin);
    }

    /// <summary>Whether the person may act as government staff: the Staff policy (a staff role and a two-factor sign-in).</summary>
    public static async Task<bool> ActsAsStaffAsync(IAuthorizationService authorization, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        ArgumentNullException.ThrowIfNull(user);
        return (await authorization.AuthorizeAsync(user, Policies.Staff)).Succeeded;
    }

    /// <summary>
    /// The answer to someone the Staff policy turns away from a staff action: sign in; for staff who signed in without a
    /// second factor, its set-up; 403 for anyone else.
    /// </summary>
    public static IActionResult Refusal(PageModel page)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (page.User.Identity?.IsAuthenticated != true) return page.Challenge();
        return IsGovernmentStaff(page.User) ? new RedirectResult(TwoFactorSetup) : page.Forbid();
    }

    public static Guid AccountId(ClaimsPrincipal user) =>
        Guid.TryParse(user?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty;
}
