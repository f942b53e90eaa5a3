namespace Tsunagari.Features.Opportunities;

/// <summary>The ways to take part the platform starts with (issue "Directory"; the seed's 自分らしい関わり方).</summary>
public static class DefaultWays
{
    public static IReadOnlyList<WayToTakePart> All { get; } =
    [
        new(1, "casual-try", "気軽に体験", "Try it once", "sparkle", 10),
        new(2, "regular", "定期的に参加", "Take part regularly", "repeat", 20),
        new(3, "weekend", "週末・休日のみ", "Weekends and holidays", "calendar", 30),
        new(4, "weekday-evening", "平日夜", "Weekday evenings", "moon", 40),
        new(5, "online", "オンライン", "Online", "laptop", 50),
        new(6, "event", "イベントに参加", "Join an event", "flag", 60),
        new(7, "donate", "寄附で応援", "Support by donating", "heart", 70),
        new(8, "pro-bono", "スキル・専門性を活かす", "Use your professional skills", "briefcase", 80),
        new(9, "hobby", "趣味・特技を活かす", "Use a hobby or talent", "palette", 90),
        new(10, "co-planning", "企画・運営に参画", "Help plan and run it", "compass", 100),
        new(11, "family", "親子・家族で", "With your family", "family", 110),
        new(12, "students", "学生歓迎", "Students welcome", "school", 120),
        new(13, "seniors", "シニア歓迎", "Seniors welcome", "tea", 130),
    ];
}
