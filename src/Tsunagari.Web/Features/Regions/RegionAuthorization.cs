using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.Extensions.Options;
using Tsunagari.Features.Accounts;
using Tsunagari.Platform;

namespace Tsunagari.Features.Regions;

public static class RegionOperations
{
    /// <summary>On a <see cref="Prefecture"/>: define, change and delete its regional groupings.</summary>
    public static readonly OperationAuthorizationRequirement EditGroupings = new() { Name = nameof(EditGroupings) };

    /// <summary>On a <see cref="Municipality"/>: add, change and delete its local challenges.</summary>
    public static readonly OperationAuthorizationRequirement RecordLocalChallenge = new() { Name = nameof(RecordLocalChallenge) };
}

/// <summary>
/// A deployment's staff look after their own prefecture only: other prefectures' municipalities stay readable but
/// nobody here may change what is recorded about them. Two-factor sign-in is the pages' policy, checked before this.
/// </summary>
public sealed class RegionAuthorization(IOptions<TsunagariOptions> options) : AuthorizationHandler<OperationAuthorizationRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(requirement);
        var home = options.Value.Prefecture;
        var user = context.User;
        var allowed = (requirement.Name, context.Resource) switch
        {
            (nameof(RegionOperations.EditGroupings), Prefecture p) =>
                p.Code == home && user.IsInRole(Roles.PrefectureAdmin),
            (nameof(RegionOperations.RecordLocalChallenge), Municipality m) =>
                m.PrefectureCode == home && (user.IsInRole(Roles.PrefectureAdmin) || user.IsInRole(Roles.Coordinator)),
            _ => false,
        };
        if (allowed) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
