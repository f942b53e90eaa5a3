using Tsunagari.Features.ImpactEvaluation.SroiMaps;

namespace Tsunagari.Features.ImpactEvaluation;

/// <summary>Social impact evaluation (社会的インパクト評価): logic models, indicators, snapshots, SROI and reports.</summary>
public static class ImpactEvaluationSetup
{
    public static void AddImpactEvaluation(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        // After the demo directory and collaboration, whose organizations it uses.
        services.AddScoped<ISeed, Data.Demo.DemoImpact>();
        // Logic models
        // Indicators and snapshots
        services.AddScoped<Indicators.PlatformMeasures>();
        services.AddScoped<Indicators.IndicatorValues>();
        // SROI
        // Reports
    }

    public static void MapImpactEvaluationApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        // SROI
        api.MapSroiApi();
    }
}
