using System.Globalization;
using Microsoft.Extensions.Localization;
using Tsunagari.Features.Engagement;
using Tsunagari.Features.Regions;
using Tsunagari.Resources;

namespace Tsunagari.Features.ProBono.Professionals;

/// <summary>The pro bono profile as the form posts it (bound as "Input"); skills map a key to a level (0 = none).</summary>
public sealed class ProBonoProfileInput
{
    public Dictionary<string, int> Skills { get; set; } = new(StringComparer.Ordinal);
    public string? YearsOfExperience { get; set; }
    public string? HoursPerWeek { get; set; }
    public string? AvailableFrom { get; set; }
    public string? AvailableTo { get; set; }
    public List<int> PreferredFields { get; set; } = [];
    public List<string> PreferredMunicipalities { get; set; } = [];
    public bool AcceptsOnline { get; set; }
    public bool AcceptsInPerson { get; set; }
    public List<Guid> Conflicts { get; set; } = [];

    public static ProBonoProfileInput From(ProBonoProfile? profile, ResidentProfile? resident)
    {
        if (profile is null)
            return new ProBonoProfileInput
            {
                // Prefilled from the resident profile, which the person already filled in for recommendations.
                Skills = resident?.Skills.ToDictionary(s => s.Skill, s => s.Level, StringComparer.Ordinal) ?? new(StringComparer.Ordinal),
                PreferredFields = resident is null ? [] : [.. resident.Interests],
                PreferredMunicipalities = resident?.MunicipalityCode is { } code ? [code] : [],
                AcceptsOnline = true,
                AcceptsInPerson = true,
                HoursPerWeek = "4",
                YearsOfExperience = "0",
            };
        return new ProBonoProfileInput
        {
            Skills = profile.Skills.ToDictionary(s => s.Skill, s => s.Level, StringComparer.Ordinal),
            YearsOfExperience = profile.YearsOfExperience.ToString(CultureInfo.InvariantCulture),
            HoursPerWeek = profile.HoursPerWeek.ToString(CultureInfo.InvariantCulture),
            AvailableFrom = profile.AvailableFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            AvailableTo = profile.AvailableTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            PreferredFields = [.. profile.PreferredFields],
            PreferredMunicipalities = [.. profile.PreferredMunicipalities],
            AcceptsOnline = profile.AcceptsOnline,
            AcceptsInPerson = profile.AcceptsInPerson,
            Conflicts = [.. profile.Conflicts],
        };
    }

    /// <summary>Checks everything and, when valid, writes it into <paramref name="profile"/>; otherwise fills <paramref name="errors"/>.</summary>
    public bool TryApply(ProBonoProfile profile, Japan japan, IReadOnlySet<Guid> organizations, IStringLocalizer<SharedResource> l, List<(string Key, string Message)> errors, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(japan);
        ArgumentNullException.ThrowIfNull(organizations);
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(errors);
        var skills = new List<ProBonoSkill>();
        foreach (var (key, level) in Skills)
        {
            if (level == 0) continue;
            if (Engagement.Skills.Find(key) is null) errors.Add((nameof(Skills), l["「{0}」というスキルはありません。", key.Length > 50 ? key[..50] : key]));
            else if (level is < Engagement.Skills.MinLevel or > Engagement.Skills.MaxLevel) errors.Add((nameof(Skills), l["スキルのレベルは1から3で選んでください。"]));
            else skills.Add(new ProBonoSkill(key, level));
        }
        if (skills.Count == 0 && !errors.Any(e => e.Key == nameof(Skills))) errors.Add((nameof(Skills), l["プロボノで生かすスキルを1つ以上選んでください。"]));
        if (!int.TryParse(YearsOfExperience, NumberStyles.Integer, CultureInfo.InvariantCulture, out var years) || years < 0 || years > ProBonoProfile.MaxYears)
            errors.Add((nameof(YearsOfExperience), l["経験年数は0から{0}までの整数で入力してください。", ProBonoProfile.MaxYears]));
        if (!int.TryParse(HoursPerWeek, NumberStyles.Integer, CultureInfo.InvariantCulture, out var hours) || hours < 1 || hours > ProBonoProfile.MaxHoursPerWeek)
            errors.Add((nameof(HoursPerWeek), l["1週間に使える時間は1から{0}までの整数で入力してください。", ProBonoProfile.MaxHoursPerWeek]));
        DateOnly? from = null, to = null;
        if (!string.IsNullOrWhiteSpace(AvailableFrom))
        {
            if (DateOnly.TryParseExact(AvailableFrom, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var f)) from = f;
            else errors.Add((nameof(AvailableFrom), l["開始日を正しい日付で入力してください。"]));
        }
        if (!string.IsNullOrWhiteSpace(AvailableTo))
        {
            if (DateOnly.TryParseExact(AvailableTo, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)) to = t;
            else errors.Add((nameof(AvailableTo), l["終了日を正しい日付で入力してください。"]));
        }
        if (from is { } a && to is { } b && b < a) errors.Add((nameof(AvailableTo), l["終了日は開始日より後の日付にしてください。"]));
        if (PreferredFields.Any(f => !FieldsOfActivity.IsDefined(f))) errors.Add((nameof(PreferredFields), l["活動分野を一覧から選んでください。"]));
        if (PreferredMunicipalities.Any(m => japan.Municipality(m) is null)) errors.Add((nameof(PreferredMunicipalities), l["市区町村を一覧から選んでください。"]));
        if (Conflicts.Any(c => !organizations.Contains(c))) errors.Add((nameof(Conflicts), l["団体を一覧から選んでください。"]));
        if (!AcceptsOnline && !AcceptsInPerson) errors.Add((nameof(AcceptsOnline), l["オンラインと対面のどちらか（または両方）を選んでください。"]));
        if (errors.Count > 0) return false;
        profile.Skills = skills.OrderBy(s => s.Skill, StringComparer.Ordinal).ToList();
        profile.YearsOfExperience = years;
        profile.HoursPerWeek = hours;
        profile.AvailableFrom = from;
        profile.AvailableTo = to;
        profile.PreferredFields = PreferredFields.Distinct().Order().ToList();
        profile.PreferredMunicipalities = PreferredMunicipalities.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        profile.AcceptsOnline = AcceptsOnline;
        profile.AcceptsInPerson = AcceptsInPerson;
        profile.Conflicts = Conflicts.Distinct().Order().ToList();
        profile.Active = true;
        profile.UpdatedAt = now;
        return true;
    }
}
