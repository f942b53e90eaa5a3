using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tsunagari.Data;

namespace Tsunagari.Features.Accounts;

/// <summary>Authenticates `Authorization: Bearer tsg_…` with a personal access token, as the person who created it.</summary>
public sealed class PersonalAccessTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AppDbContext db,
    UserManager<Account> users,
    IUserClaimsPrincipalFactory<Account> principals,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "PersonalAccessToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();

        var hash = PersonalAccessToken.HashOf(header["Bearer ".Length..].Trim());
        var now = clock.GetUtcNow();
        var token = await db.PersonalAccessTokens.SingleOrDefaultAsync(t => t.Hash == hash, Context.RequestAborted);
        if (token is null || !token.IsActive(now)) return AuthenticateResult.Fail("The token is unknown, expired or revoked.");

        var account = await users.FindByIdAsync(token.AccountId.ToString());
        if (account is null || await users.IsLockedOutAsync(account)) return AuthenticateResult.Fail("The account cannot sign in.");

        // Record use at most once a minute per token: an API client calling in a loop should not write on every call.
        if (token.LastUsedAt is null || now - token.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            token.MarkUsed(now);
            await db.SaveChangesAsync(Context.RequestAborted);
        }

        var principal = await principals.CreateAsync(account);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
