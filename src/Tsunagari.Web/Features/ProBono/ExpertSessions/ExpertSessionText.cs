using System.Globalization;

namespace Tsunagari.Features.ProBono.ExpertSessions;

/// <summary>Japanese labels for expert sessions, as keys of the shared resource.</summary>
public static class ExpertSessionText
{
    public const int SubjectLength = 60;

    public static string For(ExpertSessionStatus status) => status switch
    {
        ExpertSessionStatus.Requested => "専門家を調整中",
        ExpertSessionStatus.Assigned => "専門家の回答待ち",
        ExpertSessionStatus.Scheduled => "日時決定",
        ExpertSessionStatus.Held => "実施済み",
        ExpertSessionStatus.NotHeld => "実施せず",
        ExpertSessionStatus.Declined => "見送り",
        ExpertSessionStatus.Cancelled => "取り消し",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>A moment in Japan time as plain text (for an option of a select, which holds no markup).</summary>
    public static string InJapan(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Tsunagari.Platform.JapanTime.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The topic's first line, cut short: the name of a session in lists and notifications.</summary>
    public static string Subject(string topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        var line = topic.Split('\n', 2)[0].Trim();
        var info = new StringInfo(line);
        return info.LengthInTextElements > SubjectLength ? info.SubstringByTextElements(0, SubjectLength) + "…" : line;
    }
}
