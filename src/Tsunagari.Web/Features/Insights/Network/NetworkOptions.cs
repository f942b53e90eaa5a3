namespace Tsunagari.Features.Insights.Network;

public sealed class NetworkOptions
{
    public const string Section = "Tsunagari:Network";

    /// <summary>How often the ties are rebuilt (and once at start); zero or less turns the background refresh off.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long one filter's measures are kept (they are dropped sooner when the ties are rebuilt).</summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromMinutes(10);
}
