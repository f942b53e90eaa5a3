namespace Tsunagari.Features.Engagement.Recommendations;

public static class RecommendationsSetup
{
    public static void AddRecommendations(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<RecommendationSnapshot>();
        builder.Services.AddScoped<Recommend>();
    }
}
