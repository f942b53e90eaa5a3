namespace Tsunagari.Tests.Features.Engagement;

/// <summary>The journey's test app: the background updater waits an hour, so tests decide when the outbox is processed.</summary>
public sealed class JourneyApp : TestApp
{
    protected override void Configure(IDictionary<string, string?> settings) => settings["Tsunagari:Journey:PollInterval"] = "01:00:00";
}
