using Tsunagari.Features.Accounts;
using Tsunagari.Features.Regions;

namespace Tsunagari.Features;

/// <summary>Each capability registers its services and endpoints here, in dependency order.</summary>
public static class FeaturesSetup
{
    public static void AddFeatures(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddAccounts();
        builder.AddRegions();
    }

    public static void MapFeatures(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapRazorPages();
        var api = app.MapGroup("/api/v1").WithTags("v1");
        api.MapAccountsApi();
        api.MapRegionsApi();
    }
}
