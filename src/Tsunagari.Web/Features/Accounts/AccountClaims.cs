using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Tsunagari.Platform;

namespace Tsunagari.Features.Accounts;

/// <summary>Adds what pages need to know without a database read: the display name and the demo exemption.</summary>
public sealed class AccountClaims(
    UserManager<Account> userManager,
    RoleManager<IdentityRole<Guid>> roleManager,
    IOptions<IdentityOptions> identityOptions,
    IOptions<TsunagariOptions> options)
    : UserClaimsPrincipalFactory<Account, IdentityRole<Guid>>(userManager, roleManager, identityOptions)
{
    public const string DisplayName = "tsunagari:name";
    public const string DemoExempt = "tsunagari:demo";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Account user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayName, user.DisplayName));
        if (user.IsDemo && options.Value.Demo) identity.AddClaim(new Claim(DemoExempt, "true"));
        return identity;
    }
}
