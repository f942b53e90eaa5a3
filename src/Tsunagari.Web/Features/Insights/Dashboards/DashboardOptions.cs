namespace Tsunagari.Features.Insights.Dashboards;

/// <summary>Settings of section "Tsunagari:Dashboards".</summary>
public sealed class DashboardOptions
{
    public const string Section = "Tsunagari:Dashboards";

    /// <summary>How often the organization, opportunity and money measures are replaced.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>False stops the background refresh (tests run it on demand).</summary>
    public bool RefreshInBackground { get; set; } = true;

    /// <summary>How long a public dashboard or map page is served from the output cache; zero or less turns it off.</summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromSeconds(30);
}
