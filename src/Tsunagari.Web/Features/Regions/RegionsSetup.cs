using Microsoft.AspNetCore.Authorization;
using Tsunagari.Platform;

namespace Tsunagari.Features.Regions;

public static class RegionsSetup
{
    public static void AddRegions(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSingleton(_ => Japan.Shared);
        services.AddOptions<TsunagariOptions>()
            .Validate(o => Japan.Shared.Prefecture(o.Prefecture) is not null,
                "Tsunagari:Prefecture must be the 6-digit local government code of a prefecture, e.g. 120006 for Chiba.")
            .ValidateOnStart();
        services.AddSingleton<IAuthorizationHandler, RegionAuthorization>();
        services.AddScoped<ListGroupings>();
        services.AddScoped<ISeed, DefaultGroupings>();
        services.AddScoped<Accounts.IPersonalData, RegionsPersonalData>();
    }
}
