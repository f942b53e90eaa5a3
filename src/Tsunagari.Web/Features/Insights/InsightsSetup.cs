using Tsunagari.Features.Insights.Map;

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
        services.AddScoped<Dashboards.DashboardReader>();
        // Population and map
        services.AddScoped<Map.PopulationCsv>();
        services.Configure<Map.FiguresLicence>(builder.Configuration.GetSection(Map.FiguresLicence.Section));
        services.AddScoped<ISeed, Data.Demo.DemoInsightsMap>();
        // Network
        services.AddOptions<Network.NetworkOptions>().BindConfiguration(Network.NetworkOptions.Section);
        services.AddMemoryCache();
        services.AddScoped<Network.RefreshNetworkTies>();
        services.AddScoped<Network.BuildNetworkPicture>();
        services.AddHostedService<Network.NetworkRefreshLoop>();
        services.AddScoped<ISeed, Data.Demo.DemoInsightsNetwork>();
        // Collective impact
        services.AddScoped<CollectiveImpact.CollectiveFigures>();
        services.AddScoped<CollectiveImpact.SendCollectiveReminders>();
        services.AddHostedService<CollectiveImpact.CollectiveReminderLoop>();
        services.AddScoped<ISeed, Data.Demo.DemoInsightsCollective>();
    }

    public static void MapInsightsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapFiguresApi();
        Network.NetworkApi.MapNetworkApi(api);
    }
}
