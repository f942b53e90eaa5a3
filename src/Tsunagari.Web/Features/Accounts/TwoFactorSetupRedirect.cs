using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Tsunagari.Features.Accounts;

/// <summary>Sends staff who lack a second factor to the page that sets it up, instead of a bare "access denied".</summary>
public sealed class TwoFactorSetupRedirect : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler fallback = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        var needsSecondFactor = authorizeResult.Forbidden
            && authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<StaffTwoFactorRequirement>().Any() == true
            && authorizeResult.AuthorizationFailure.FailedRequirements.All(r => r is StaffTwoFactorRequirement);
        if (needsSecondFactor && !Platform.Requests.WantsJson(context))
        {
            context.Response.Redirect("/account/two-factor?required=true");
            return Task.CompletedTask;
        }
        return fallback.HandleAsync(next, context, policy, authorizeResult);
    }
}
