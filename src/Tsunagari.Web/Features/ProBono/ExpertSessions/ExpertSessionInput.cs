using System.Globalization;
using Microsoft.Extensions.Localization;
using Tsunagari.Features.Engagement;
using Tsunagari.Features.Opportunities;
using Tsunagari.Features.Regions;
using Tsunagari.Resources;

namespace Tsunagari.Features.ProBono.ExpertSessions;

/// <summary>A request for an expert session as the form posts it (bound as "Input"); slots are Japan times (datetime-local).</summary>
public sealed class ExpertSessionInput
{
    private static readonly string[] TimeFormats = ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm"];

    public string? Topic { get; set; }
    public string? Skill { get; set; }
    public string? Mode { get; set; }
    public string? MunicipalityCode { get; set; }
    public List<string?> Slots { get; set; } = [];
    public string? DurationMinutes { get; set; }

    public string? Slot(int index) => index < Slots.Count ? Slots[index] : null;

    /// <summary>What the request needs, checked; null with every problem in <paramref name="errors"/> (keys without "Input.").</summary>
    public Request? Validate(Japan japan, IStringLocalizer<SharedResource> l, DateTimeOffset now, List<(string Key, string Message)> errors)
    {
        ArgumentNullException.ThrowIfNull(japan);
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(errors);
        var topic = Topic?.Trim() ?? "";
        if (topic.Length == 0) errors.Add((nameof(Topic), l["{0}を入力してください。", l["相談したいこと"]]));
        else if (topic.Length > ExpertSession.MaxTopicLength) errors.Add((nameof(Topic), l["{0}は{1}文字以内で入力してください。", l["相談したいこと"], ExpertSession.MaxTopicLength]));

        var skill = Skill?.Trim() ?? "";
        if (skill.Length == 0) errors.Add((nameof(Skill), l["相談したい分野のスキルを選んでください。"]));
        else if (Skills.Find(skill) is null) errors.Add((nameof(Skill), l["「{0}」というスキルはありません。", skill.Length > 50 ? skill[..50] : skill]));

        WorkMode mode = default;
        if (!Enum.TryParse(Mode, ignoreCase: true, out mode) || !Enum.IsDefined(mode) || int.TryParse(Mode, out _))
            errors.Add((nameof(Mode), l["オンラインか対面かを選んでください。"]));

        var municipality = string.IsNullOrWhiteSpace(MunicipalityCode) ? null : MunicipalityCode.Trim();
        if (municipality is not null && japan.Municipality(municipality) is null)
            errors.Add((nameof(MunicipalityCode), l["市区町村を一覧から選んでください。"]));
        else if (municipality is null && mode == WorkMode.InPerson)
            errors.Add((nameof(MunicipalityCode), l["対面の場合は市区町村を選んでください。"]));

        var slots = new List<DateTimeOffset>();
        var given = Slots.Select((value, index) => (Value: value?.Trim() ?? "", Number: index + 1)).Where(s => s.Value.Length > 0).ToList();
        if (given.Count == 0) errors.Add((nameof(Slots), l["候補日時を1つ以上入力してください。"]));
        else if (given.Count > ExpertSession.MaxSlots || Slots.Count > ExpertSession.MaxSlots)
            errors.Add((nameof(Slots), l["候補日時は{0}つまでにしてください。", ExpertSession.MaxSlots]));
        else
        {
            foreach (var (value, number) in given)
            {
                if (!DateTime.TryParseExact(value, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
                    || local.Year is < SaveOpportunity.FirstYear or > SaveOpportunity.LastYear)
                    errors.Add((nameof(Slots), l["候補日時{0}を正しい日時で入力してください。", number]));
                else if (SaveOpportunity.FromJapan(local) is var at && at <= now)
                    errors.Add((nameof(Slots), l["候補日時{0}は今より後の日時にしてください。", number]));
                else if (slots.Contains(at))
                    errors.Add((nameof(Slots), l["同じ候補日時が重なっています。"]));
                else slots.Add(at);
            }
        }

        if (!int.TryParse(DurationMinutes, NumberStyles.Integer, CultureInfo.InvariantCulture, out var duration)
            || duration is < ExpertSession.MinDuration or > ExpertSession.MaxDuration)
            errors.Add((nameof(DurationMinutes), l["相談の時間は{0}分から{1}分までの整数で入力してください。", ExpertSession.MinDuration, ExpertSession.MaxDuration]));

        return errors.Count > 0 ? null : new Request(topic, skill, mode, municipality, slots, duration);
    }

    public sealed record Request(string Topic, string Skill, WorkMode Mode, string? MunicipalityCode, IReadOnlyList<DateTimeOffset> Slots, int DurationMinutes);
}
