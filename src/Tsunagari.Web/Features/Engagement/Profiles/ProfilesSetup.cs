using Tsunagari.Features.Accounts;
using Tsunagari.Features.Engagement.Guide;

namespace Tsunagari.Features.Engagement.Profiles;

/// <summary>Resident profiles, マイページ, and the path from a group of individuals to an incorporated NPO (the guide).</summary>
public static class ProfilesSetup
{
    public static void AddProfiles(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddScoped<ValidateProfile>();
        services.AddScoped<SaveProfile>();
        services.AddScoped<ProfileAccess>();
        services.AddScoped<IPersonalData, ProfilesPersonalData>();
        services.AddScoped<ListMentors>();
        // Registered after the demo directory (FeaturesSetup), so demo accounts and ways to take part exist.
        services.AddScoped<ISeed, DemoProfiles>();
    }
}
