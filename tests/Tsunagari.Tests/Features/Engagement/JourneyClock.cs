namespace Tsunagari.Tests.Features.Engagement;

/// <summary>A clock that says what the test wants.</summary>
public sealed class JourneyClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
