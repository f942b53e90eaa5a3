using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Tsunagari.Features.Accounts;

namespace Tsunagari.Features.Organizations;

public static class OrganizationOperations
{
    /// <summary>Edit the profile and logo.</summary>
    public static readonly OperationAuthorizationRequirement Edit = new() { Name = nameof(Edit) };

    /// <summary>Invite members, change their roles, remove them.</summary>
    public static readonly OperationAuthorizationRequirement ManageMembers = new() { Name = nameof(ManageMembers) };

    /// <summary>See who the members are.</summary>
    public static readonly OperationAuthorizationRequirement ViewMembers = new() { Name = nameof(ViewMembers) };

    /// <summary>Create, edit, publish, close and cancel the organization's opportunities.</summary>
    public static readonly OperationAuthorizationRequirement ManageOpportunities = new() { Name = nameof(ManageOpportunities) };

    /// <summary>Mark verified or ask for changes (coordinators; the page also requires the Staff policy).</summary>
    public static readonly OperationAuthorizationRequirement Verify = new() { Name = nameof(Verify) };
}

/// <summary>
/// Organization roles come from memberships (load <see cref="Organization.Memberships"/> before asking).
/// Staff may verify; they do not edit an organization's own content.
/// </summary>
public sealed class OrganizationAuthorization : AuthorizationHandler<OperationAuthorizationRequirement, Organization>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, Organization resource)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(resource);
        var accountId = Guid.TryParse(context.User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty;
        var admin = accountId != Guid.Empty && resource.IsAdmin(accountId);
        var allowed = requirement.Name switch
        {
            nameof(OrganizationOperations.Edit) or nameof(OrganizationOperations.ManageMembers) or nameof(OrganizationOperations.ManageOpportunities) => admin,
            nameof(OrganizationOperations.ViewMembers) => accountId != Guid.Empty && resource.IsMember(accountId),
            nameof(OrganizationOperations.Verify) => context.User.IsInRole(Roles.Coordinator) || context.User.IsInRole(Roles.PrefectureAdmin),
            _ => false,
        };
        if (allowed) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
