using System.Globalization;
using Microsoft.Extensions.Localization;
using Tsunagari.Features.Engagement;
using Tsunagari.Features.Regions;
using Tsunagari.Platform;
using Tsunagari.Resources;

namespace Tsunagari.Features.ProBono.Challenges;

/// <summary>
/// A challenge as the form posts it (bound as "Input"). Roles are posted as a count per skill key
/// (<c>Input.Roles[web]=1</c>); a count of 0 or none means the role is not needed.
/// </summary>
public sealed class ChallengeInput
{
    public string? Title { get; set; }
    public string? Situation { get; set; }
    public string? Problem { get; set; }
    public string? Goal { get; set; }
    public string? Deliverable { get; set; }
    public Dictionary<string, string?> Roles { get; set; } = new(StringComparer.Ordinal);
    public string? HoursPerWeek { get; set; }
    public string? StartsOn { get; set; }
    public string? EndsOn { get; set; }
    public string? Mode { get; set; }
    public string? MunicipalityCode { get; set; }
    public string? Field { get; set; }

    public static ChallengeInput From(Challenge challenge)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        return new ChallengeInput
        {
            Title = challenge.Title,
            Situation = challenge.Situation,
            Problem = challenge.Problem,
            Goal = challenge.Goal,
            Deliverable = challenge.Deliverable.ToString(),
            Roles = challenge.Roles.ToDictionary(r => r.Skill, r => (string?)r.Count.ToString(CultureInfo.InvariantCulture), StringComparer.Ordinal),
            HoursPerWeek = challenge.HoursPerWeek.ToString(CultureInfo.InvariantCulture),
            StartsOn = challenge.StartsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            EndsOn = challenge.EndsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Mode = challenge.Mode.ToString(),
            MunicipalityCode = challenge.MunicipalityCode,
            Field = challenge.Field?.ToString(CultureInfo.InvariantCulture),
        };
    }

    public int RoleCount(string skill) => Roles.TryGetValue(skill, out var v) && int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;

    /// <summary>The details, or null with every problem in <paramref name="errors"/> (key without the "Input." prefix).</summary>
    public ChallengeDetails? Validate(Japan japan, IStringLocalizer<SharedResource> l, List<(string Key, string Message)> errors)
    {
        ArgumentNullException.ThrowIfNull(japan);
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(errors);
        string Text(string? value, string key, string label, int max) => FormText.Check(value, key, label, max, l, errors);
        var title = Text(Title, nameof(Title), "タイトル", Challenge.MaxTitleLength);
        var situation = Text(Situation, nameof(Situation), "団体の現状", Challenge.MaxTextLength);
        var problem = Text(Problem, nameof(Problem), "課題", Challenge.MaxTextLength);
        var goal = Text(Goal, nameof(Goal), "目指す姿", Challenge.MaxTextLength);

        DeliverableKind deliverable = default;
        if (!Enum.TryParse(Deliverable, ignoreCase: true, out deliverable) || !Enum.IsDefined(deliverable) || int.TryParse(Deliverable, out _))
            errors.Add((nameof(Deliverable), l["成果物の種類を選んでください。"]));

        var roles = new List<ChallengeRole>();
        foreach (var (skill, value) in Roles)
        {
            if (string.IsNullOrWhiteSpace(value) || value.Trim() == "0") continue;
            if (Skills.Find(skill) is null)
                errors.Add((nameof(Roles), l["「{0}」というスキルはありません。", skill.Length > 50 ? skill[..50] : skill]));
            else if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) || count < 1 || count > 5)
                errors.Add((nameof(Roles), l["役割の人数は1から{0}までの整数で入力してください。", 5]));
            else roles.Add(new ChallengeRole(skill, count));
        }
        if (roles.Count == 0 && !errors.Any(e => e.Key == nameof(Roles)))
            errors.Add((nameof(Roles), l["必要な役割を1つ以上選んでください。"]));
        else if (roles.Count > Challenge.MaxRoles)
            errors.Add((nameof(Roles), l["役割は{0}種類までにしてください。", Challenge.MaxRoles]));

        var hours = 0;
        if (!int.TryParse(HoursPerWeek, NumberStyles.Integer, CultureInfo.InvariantCulture, out hours) || hours < 1 || hours > Challenge.MaxHoursPerWeek)
            errors.Add((nameof(HoursPerWeek), l["1週間あたりの時間は1から{0}までの整数で入力してください。", Challenge.MaxHoursPerWeek]));

        var startsOk = DateOnly.TryParseExact(StartsOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var starts);
        var endsOk = DateOnly.TryParseExact(EndsOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var ends);
        if (!startsOk) errors.Add((nameof(StartsOn), l["開始日を正しい日付で入力してください。"]));
        if (!endsOk) errors.Add((nameof(EndsOn), l["終了日を正しい日付で入力してください。"]));
        if (startsOk && endsOk && ends < starts) errors.Add((nameof(EndsOn), l["終了日は開始日より後の日付にしてください。"]));

        WorkMode mode = default;
        if (!Enum.TryParse(Mode, ignoreCase: true, out mode) || !Enum.IsDefined(mode) || int.TryParse(Mode, out _))
            errors.Add((nameof(Mode), l["活動の形を選んでください。"]));

        var municipality = string.IsNullOrWhiteSpace(MunicipalityCode) ? null : MunicipalityCode.Trim();
        if (municipality is not null && japan.Municipality(municipality) is null)
            errors.Add((nameof(MunicipalityCode), l["市区町村を一覧から選んでください。"]));

        int? field = null;
        if (!string.IsNullOrWhiteSpace(Field))
        {
            if (int.TryParse(Field, NumberStyles.Integer, CultureInfo.InvariantCulture, out var f) && FieldsOfActivity.All.Any(a => a.Number == f)) field = f;
            else errors.Add((nameof(Field), l["活動分野を一覧から選んでください。"]));
        }

        if (errors.Count > 0) return null;
        return new ChallengeDetails(title, situation, problem, goal, deliverable, roles.OrderBy(r => r.Skill, StringComparer.Ordinal).ToList(),
            hours, starts, ends, mode, municipality, field);
    }
}
