using Microsoft.AspNetCore.Authorization;

namespace Tsunagari.Features.Accounts;

/// <summary>
/// Staff see other people's data, so they must have signed in with a second factor ("amr" = "mfa", set by Identity's
/// two-factor sign-in). Demo staff accounts are exempt in demo mode so visitors can try every role.
/// </summary>
public sealed class StaffTwoFactorRequirement : IAuthorizationRequirement
{
    public const string MfaClaim = "amr";
    public const string MfaValue = "mfa";

    public sealed class Handler : AuthorizationHandler<StaffTwoFactorRequirement>
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, StaffTwoFactorRequirement requirement)
        {
            var user = context.User;
            // No explicit Fail: the requirement stays pending, which is how TwoFactorSetupRedirect recognises it.
            if (user.HasClaim(MfaClaim, MfaValue) || user.HasClaim(AccountClaims.DemoExempt, "true"))
                context.Succeed(requirement);
            return Task.CompletedTask;
        }
    }
}
