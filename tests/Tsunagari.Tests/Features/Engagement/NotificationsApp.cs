using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Tsunagari.Tests.Features.Engagement;

/// <summary>The app with a clock the test moves and no background mailing: the tests deliver notifications themselves.</summary>
public sealed class NotificationsApp : TestApp
{
    public SettableClock Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void Configure(IDictionary<string, string?> settings) => settings["Notifications:PollInterval"] = "00:00:00";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public sealed class SettableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
