using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Tsunagari.Features.Accounts;

public static class AccountsApi
{
    public sealed record CurrentAccount(Guid Id, string Email, string DisplayName, string Culture, IList<string> Roles);

    public static RouteGroupBuilder MapAccountsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/me", GetMe).WithName("GetMe").RequireAuthorization(Policies.Api);
        return api;
    }

    /// <summary>Who the caller is: lets an API client check its token.</summary>
    public static async Task<Results<Ok<CurrentAccount>, UnauthorizedHttpResult>> GetMe(ClaimsPrincipal user, UserManager<Account> users)
    {
        var account = await users.GetUserAsync(user);
        if (account is null) return TypedResults.Unauthorized();
        return TypedResults.Ok(new CurrentAccount(account.Id, account.Email!, account.DisplayName, account.Culture, await users.GetRolesAsync(account)));
    }
}
