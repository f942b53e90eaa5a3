using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Tsunagari.Data;
using Tsunagari.Features.Opportunities;
using Tsunagari.Features.Regions;
using Tsunagari.Platform;
using Tsunagari.Resources;

namespace Tsunagari.Features.Engagement.Profiles;

/// <summary>
/// Checks a resident's profile the same way for the page and the API. Every field is optional; any error means nothing
/// is saved, and every error is reported at once. Errors are keyed by the <see cref="ProfileInput"/> property.
/// </summary>
public sealed class ValidateProfile(AppDbContext db, Japan japan, IOptions<TsunagariOptions> options, IStringLocalizer<SharedResource> l)
{
    /// <summary>The most hours a month has (31 × 24).</summary>
    public const int MaxHoursPerMonth = 744;

    public sealed record Result(ResidentProfileDetails? Details, IReadOnlyDictionary<string, string[]> Errors)
    {
        public bool IsValid => Details is not null;
    }

    public async Task<Result> RunAsync(ProfileInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new ValidationErrors();

        // The deployment's prefecture only, as for organizations: recommendations and indicators are about its region.
        var municipality = string.IsNullOrWhiteSpace(input.MunicipalityCode) ? null : input.MunicipalityCode.Trim();
        if (municipality is not null && (japan.Municipality(municipality) is not { } m || m.PrefectureCode != options.Value.Prefecture))
            errors.Add(nameof(input.MunicipalityCode), l["住んでいる市区町村の選択が正しくありません。"]);

        var interests = input.Interests ?? [];
        if (interests.Any(f => !FieldsOfActivity.IsDefined(f)))
            errors.Add(nameof(input.Interests), l["関心のある分野の選択が正しくありません。"]);

        var skills = new List<ProfileSkill>();
        foreach (var (key, level) in input.Skills ?? [])
        {
            if (Engagement.Skills.Find(key) is null)
                errors.Add(nameof(input.Skills), l["スキルの選択が正しくありません。"]);
            else if (level != 0 && (level < Engagement.Skills.MinLevel || level > Engagement.Skills.MaxLevel))
                errors.Add(nameof(input.Skills), l["スキルのレベルは{0}から{1}の中から選んでください。", Engagement.Skills.MinLevel, Engagement.Skills.MaxLevel]);
            else if (level != 0)
                skills.Add(new ProfileSkill(key, level));
        }

        LifeStage? lifeStage = null;
        if (!string.IsNullOrWhiteSpace(input.LifeStage))
        {
            lifeStage = ParseEnum<LifeStage>(input.LifeStage);
            if (lifeStage is null) errors.Add(nameof(input.LifeStage), l["ライフステージの選択が正しくありません。"]);
        }

        var availability = Availability.None;
        foreach (var name in input.Availability ?? [])
        {
            if (ParseEnum<Availability>(name) is { } flag && flag != Availability.None && AvailabilityText.All.Contains(flag)) availability |= flag;
            else errors.Add(nameof(input.Availability), l["参加しやすい時間帯の選択が正しくありません。"]);
        }

        if (input.HoursPerMonth is { } hours && (hours < 0 || hours > MaxHoursPerMonth))
            errors.Add(nameof(input.HoursPerMonth), l["1か月に活動できる時間は0から{0}の整数で入力してください。", MaxHoursPerMonth]);

        var ways = (input.PreferredWays ?? []).Distinct().ToList();
        if (ways.Count > 0)
        {
            var known = await db.WaysToTakePart.AsNoTracking().Where(w => ways.Contains(w.Id)).CountAsync(cancellationToken);
            if (known != ways.Count) errors.Add(nameof(input.PreferredWays), l["関わり方の選択が正しくありません。"]);
        }

        var needs = AccessibilityFeatures.None;
        foreach (var name in input.AccessibilityNeeds ?? [])
        {
            if (ParseEnum<AccessibilityFeatures>(name) is { } flag && AccessibilityText.All.Contains(flag)) needs |= flag;
            else errors.Add(nameof(input.AccessibilityNeeds), l["参加に必要な配慮の選択が正しくありません。"]);
        }

        var languages = new List<string>();
        foreach (var tag in input.Languages ?? [])
        {
            if (ProfileLanguages.Find(tag) is { } language) languages.Add(language.Tag);
            else errors.Add(nameof(input.Languages), l["言語の選択が正しくありません。"]);
        }
        if (languages.Distinct(StringComparer.Ordinal).Count() > ResidentProfile.MaxLanguages)
            errors.Add(nameof(input.Languages), l["言語は{0}個まで選べます。", ResidentProfile.MaxLanguages]);

        var visibility = ProfileVisibility.Private;
        if (!string.IsNullOrWhiteSpace(input.Visibility))
        {
            if (ParseEnum<ProfileVisibility>(input.Visibility) is { } chosen) visibility = chosen;
            else errors.Add(nameof(input.Visibility), l["公開範囲の選択が正しくありません。"]);
        }

        if (errors.Count > 0) return new Result(null, errors.ToDictionary());
        return new Result(
            new ResidentProfileDetails(municipality, interests, skills, lifeStage, availability, input.HoursPerMonth, ways, needs, languages, visibility),
            new Dictionary<string, string[]>(StringComparer.Ordinal));
    }

    /// <summary>Names only: numbers would let a client set undefined flag combinations.</summary>
    private static T? ParseEnum<T>(string? value) where T : struct, Enum =>
        !string.IsNullOrWhiteSpace(value) && !value.Trim().All(c => char.IsAsciiDigit(c) || c == '-')
            && Enum.TryParse<T>(value.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : null;
}
