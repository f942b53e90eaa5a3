namespace Tsunagari.Features.Engagement.Profiles;

/// <summary>Names of the availability flags, as keys of the shared resource.</summary>
public static class AvailabilityText
{
    public static IReadOnlyList<Availability> All { get; } =
        Enum.GetValues<Availability>().Where(a => a != Availability.None).ToList();

    public static string For(Availability availability) => availability switch
    {
        Availability.WeekdayDaytime => "平日の昼間",
        Availability.WeekdayEvening => "平日の夜",
        Availability.WeekendDaytime => "土日祝の昼間",
        Availability.WeekendEvening => "土日祝の夜",
        _ => throw new ArgumentOutOfRangeException(nameof(availability), availability, null),
    };

    public static IEnumerable<Availability> In(Availability availability) => All.Where(a => availability.HasFlag(a));
}
