using System.Collections.Concurrent;

namespace Tsunagari.Features.Engagement.Attendance;

/// <summary>
/// Failed attendance-code attempts per account. A code is 6 digits and a person can only use the codes of occurrences
/// they signed up for, so with <see cref="MaxFailures"/> failures per <see cref="Window"/> a guesser gets about 240 tries
/// a day against a million codes. Kept in memory per node (a restart forgets it, which costs a guesser little).
/// </summary>
public sealed class CheckInAttempts(TimeProvider clock)
{
    public const int MaxFailures = 10;
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<Guid, (int Count, DateTimeOffset Since)> failures = new();

    public bool IsBlocked(Guid accountId) =>
        failures.TryGetValue(accountId, out var f) && f.Count >= MaxFailures && clock.GetUtcNow() - f.Since < Window;

    public void Fail(Guid accountId)
    {
        var now = clock.GetUtcNow();
        failures.AddOrUpdate(accountId, (1, now), (_, f) => now - f.Since >= Window ? (1, now) : (f.Count + 1, f.Since));
        if (failures.Count > 100_000)
            foreach (var (key, value) in failures)
                if (now - value.Since >= Window) failures.TryRemove(key, out _);
    }
}
