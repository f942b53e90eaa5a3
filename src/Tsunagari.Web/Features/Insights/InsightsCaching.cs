using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Tsunagari.Features.Insights.Dashboards;

namespace Tsunagari.Features.Insights;

/// <summary>
/// The public figure pages (dashboards and map) are kept whole for <see cref="DashboardOptions.CacheDuration"/>: their
/// figures change with the background refresh anyway, and a page drawn once serves every anonymous reader in that
/// time. Each language is its own copy; signed-in readers (whose menu differs) and responses that set a cookie are never
/// cached (the output cache's default rules). A population upload empties the cache on its node.
/// </summary>
public static class InsightsCaching
{
    public const string Policy = "InsightsFigures";
    public const string Tag = "insights-figures";

    public static void AddInsightsCaching(this IServiceCollection services) =>
        services.AddOptions<OutputCacheOptions>().Configure<IOptions<DashboardOptions>>((cache, dashboards) =>
            cache.AddPolicy(Policy, policy =>
            {
                var duration = dashboards.Value.CacheDuration;
                if (duration <= TimeSpan.Zero)
                {
                    policy.NoCache();
                    return;
                }
                policy.Expire(duration).Tag(Tag).VaryByValue(context =>
                    new("culture", context.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture.Name ?? ""));
            }));
}
