using Tsunagari.Features.Accounts;

namespace Tsunagari.Features.Engagement.Journeys;

public static class JourneySetup
{
    public static void AddJourneys(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<JourneyOptions>().BindConfiguration(JourneyOptions.Section);
        services.AddScoped<UpdateJourneys>();
        services.AddScoped<ProcessJourneyChanges>();
        services.AddScoped<ComputeIndicators>();
        services.AddScoped<IndicatorSnapshots>();
        services.AddMemoryCache();
        services.AddSingleton<IndicatorSnapshots.Running>();
        services.AddScoped<IPersonalData, JourneyPersonalData>();
        services.AddHostedService<JourneyUpdater>();
    }
}
