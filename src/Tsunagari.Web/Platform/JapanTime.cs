namespace Tsunagari.Platform;

public static class JapanTime
{
    /// <summary>Times are stored in UTC and shown in Japan time, whatever the server's zone.</summary>
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
}
