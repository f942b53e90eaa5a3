using Microsoft.Extensions.Options;
using Tsunagari.Features.Engagement.Notifications;
using Tsunagari.Features.Insights.Map;
using Tsunagari.Platform;

namespace Tsunagari.Features.Insights;

/// <summary>Visibility (見える化): regional dashboards, the network of connections, collective impact and the policy registry.</summary>
public static class InsightsSetup
{
    public static void AddInsights(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        // Dashboards
        services.AddOptions<Dashboards.DashboardOptions>().BindConfiguration(Dashboards.DashboardOptions.Section);
        services.AddHostedService<Dashboards.DashboardRefresher>();
        services.AddInsightsCaching();
        services.AddScoped<Dashboards.DashboardReader>();
        // Population and map
        services.AddScoped<Map.PopulationCsv>();
        services.Configure<Map.FiguresLicence>(builder.Configuration.GetSection(Map.FiguresLicence.Section));
        services.AddScoped<ISeed, Data.Demo.DemoInsightsMap>();
        // Network
        services.AddOptions<Network.NetworkOptions>().BindConfiguration(Network.NetworkOptions.Section);
        services.AddMemoryCache();
        services.AddScoped<Network.BuildNetworkPicture>();
        services.AddBackgroundLoop<Network.RefreshNetworkTies>(
            (job, cancellationToken) => job.RunAsync(cancellationToken),
            provider => provider.GetRequiredService<IOptions<Network.NetworkOptions>>().Value.RefreshInterval,
            runAtStart: true);
        services.AddScoped<ISeed, Data.Demo.DemoInsightsNetwork>();
        // Collective impact
        services.AddScoped<CollectiveImpact.CollectiveFigures>();
        services.AddBackgroundLoop<CollectiveImpact.SendCollectiveReminders>(
            (job, cancellationToken) => job.RunAsync(cancellationToken), NotificationOptions.HourlyAtMost);
        services.AddScoped<ISeed, Data.Demo.DemoInsightsCollective>();
    }

    public static void MapInsightsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapFiguresApi();
        Network.NetworkApi.MapNetworkApi(api);
    }
}
