using Microsoft.AspNetCore.Identity;

namespace Tsunagari.Features.Accounts;

public sealed class RoleSeed(RoleManager<IdentityRole<Guid>> roles) : ISeed
{
    public bool IsDemo => false;

    public async Task RunAsync()
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole<Guid>(role));
    }
}
