using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace Tsunagari.Features.Accounts;

public static class AccountOperations
{
    public static readonly OperationAuthorizationRequirement ViewPersonalData = new() { Name = nameof(ViewPersonalData) };
    public static readonly OperationAuthorizationRequirement ChangeRoles = new() { Name = nameof(ChangeRoles) };
}

/// <summary>A person may see their own data; prefecture admins may see anyone's and change roles (both audited).</summary>
public sealed class AccountAuthorization : AuthorizationHandler<OperationAuthorizationRequirement, Account>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, Account resource)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(resource);
        var self = context.User.FindFirstValue(ClaimTypes.NameIdentifier) == resource.Id.ToString();
        var admin = context.User.IsInRole(Roles.PrefectureAdmin);
        var allowed = requirement.Name switch
        {
            nameof(AccountOperations.ViewPersonalData) => self || admin,
            nameof(AccountOperations.ChangeRoles) => admin && !self,
            _ => false,
        };
        if (allowed) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
