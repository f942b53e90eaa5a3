using Microsoft.Extensions.Options;

namespace Tsunagari.Features.Engagement.Notifications;

public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>How often unmailed notifications and due reminders are looked for; zero or less turns the mailing off.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The site's public address for links in mail (e.g. https://tsunagari.example.jp); links are site-relative when empty.</summary>
    public string SiteUrl { get; set; } = "";

    /// <summary>Japan time of day the daily digest goes out.</summary>
    public TimeOnly DigestAt { get; set; } = new(7, 0);

    /// <summary>For reminders that need not go out sooner than hourly: the poll interval, or an hour when that is longer.</summary>
    public static TimeSpan HourlyAtMost(IServiceProvider services)
    {
        var poll = services.GetRequiredService<IOptions<NotificationOptions>>().Value.PollInterval;
        return poll < TimeSpan.FromHours(1) ? poll : TimeSpan.FromHours(1);
    }
}
