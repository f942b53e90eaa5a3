using System.Security.Claims;
using Tsunagari.Features.Accounts;

namespace Tsunagari.Features.Collaboration;

/// <summary>
/// The government side of collaboration is the platform's staff: coordinators at support centres and municipalities and
/// the prefecture's admins. They keep the registry, run calls and reviews, and sign agreements for the department.
/// </summary>
public static class CollaborationAccess
{
    public static bool IsGovernmentStaff(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.PrefectureAdmin);
    }

    public static Guid AccountId(ClaimsPrincipal user) =>
        Guid.TryParse(user?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty;
}
