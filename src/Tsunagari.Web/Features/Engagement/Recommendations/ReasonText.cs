using System.Globalization;
using Microsoft.Extensions.Localization;
using Tsunagari.Features.Opportunities;
using Tsunagari.Platform.Localization;

namespace Tsunagari.Features.Engagement.Recommendations;

/// <summary>A reason as the person reads it: 「関心: 環境」, 「週末」, 「近く」 … in the request's language.</summary>
public static class ReasonText
{
    public static string For(RecommendationReason reason, IReadOnlyDictionary<int, WayToTakePart> ways, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(reason);
        ArgumentNullException.ThrowIfNull(ways);
        ArgumentNullException.ThrowIfNull(l);
        var list = l["、"].Value;
        string Fields() => string.Join(list, reason.Keys.Select(k => l[FieldLabels.For(int.Parse(k, CultureInfo.InvariantCulture))].Value));
        string Access() => string.Join(list, reason.Keys.Select(k => Enum.TryParse<AccessibilityFeatures>(k, out var f) ? l[AccessibilityText.For(f)].Value : k));
        return reason.Code switch
        {
            RecommendationReason.Interest => l["関心: {0}", Fields()],
            RecommendationReason.Skill => l["スキル: {0}", string.Join(list, reason.Keys.Select(k => Skills.Find(k) is { } s ? (Cultures.IsEnglish ? s.NameEn : s.Name) : k))],
            RecommendationReason.Availability => (reason.Keys.Count > 0 ? reason.Keys[0] : "") switch
            {
                nameof(Availability.WeekdayDaytime) => l["平日の日中"],
                nameof(Availability.WeekdayEvening) => l["平日の夜"],
                nameof(Availability.WeekendDaytime) => l["週末"],
                _ => l["週末の夜"],
            },
            RecommendationReason.Nearby => l["近く"],
            RecommendationReason.NearbyArea => l["近隣の地域"],
            RecommendationReason.Online => l["オンライン"],
            RecommendationReason.Way => string.Join(list, reason.Keys.Select(k =>
                ways.TryGetValue(int.Parse(k, CultureInfo.InvariantCulture), out var w) ? (Cultures.IsEnglish ? w.NameEn : w.Name) : k)),
            RecommendationReason.Accessibility => l["配慮: {0}", Access()],
            RecommendationReason.AccessibilityMissing => l["必要な配慮の記載がありません: {0}", Access()],
            RecommendationReason.History => l["前に参加した分野: {0}", Fields()],
            RecommendationReason.SameOrganization => l["参加したことのある団体"],
            RecommendationReason.FirstParticipant => l["まだ参加者がいません"],
            RecommendationReason.Popular => l["人気"],
            RecommendationReason.Soon => l["もうすぐ"],
            RecommendationReason.Full => l["満員"],
            _ => reason.Code,
        };
    }
}
