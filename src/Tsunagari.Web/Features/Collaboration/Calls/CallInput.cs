using System.Globalization;
using Microsoft.Extensions.Localization;
using Tsunagari.Features.Opportunities;
using Tsunagari.Platform;
using Tsunagari.Resources;

namespace Tsunagari.Features.Collaboration.Calls;

/// <summary>
/// A call as its form posts it (bound as "Input"). The rubric comes as <see cref="CollaborationCall.MaxCriteria"/> fixed
/// rows (<c>Input.Criteria[0].Name</c>…); a row left empty is not a criterion, so the form needs no script to add rows.
/// </summary>
public sealed class CallInput
{
    /// <summary>The largest ceiling the form takes: a trillion yen is beyond any call, and keeps sums far from overflow.</summary>
    public const long MaxBudget = 1_000_000_000_000;

    public string? Kind { get; set; }
    public string? Title { get; set; }
    public string? Theme { get; set; }
    public string? Description { get; set; }
    public string? Department { get; set; }
    public string? BudgetCeiling { get; set; }
    public string? StartsOn { get; set; }
    public string? EndsOn { get; set; }
    public string? Deadline { get; set; }
    public string? InitiativeId { get; set; }
    public List<CriterionInput> Criteria { get; set; } = [];

    public sealed class CriterionInput
    {
        public string? Name { get; set; }
        public string? Description { get; set; }
        public string? MaxScore { get; set; }

        public bool IsEmpty => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Description) && string.IsNullOrWhiteSpace(MaxScore);
    }

    public CriterionInput Row(int index) => index < Criteria.Count ? Criteria[index] : new CriterionInput();

    public static CallInput From(CollaborationCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return new CallInput
        {
            Kind = call.Kind.ToString(),
            Title = call.Title,
            Theme = call.Theme,
            Description = call.Description,
            Department = call.Department,
            BudgetCeiling = call.BudgetCeiling.ToString(CultureInfo.InvariantCulture),
            StartsOn = Date(call.StartsOn),
            EndsOn = Date(call.EndsOn),
            Deadline = Date(call.Deadline),
            InitiativeId = call.InitiativeId?.ToString(),
            Criteria = call.Criteria.OrderBy(c => c.Number).Select(c => new CriterionInput
            {
                Name = c.Name,
                Description = c.Description,
                MaxScore = c.MaxScore.ToString(CultureInfo.InvariantCulture),
            }).ToList(),
        };
    }

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The details, or null with every problem in <paramref name="errors"/> (keys without "Input.").</summary>
    public CallDetails? Validate(IReadOnlySet<Guid> initiatives, IStringLocalizer<SharedResource> l, List<(string Key, string Message)> errors)
    {
        ArgumentNullException.ThrowIfNull(initiatives);
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(errors);
        string Text(string? value, string key, string label, int max) => FormText.Check(value, key, label, max, l, errors);

        if (!EnumNames.TryParse(Kind, out CallKind kind))
            errors.Add((nameof(Kind), l["募集の型を選んでください。"]));
        var title = Text(Title, nameof(Title), "募集の名前", CollaborationCall.MaxTitleLength);
        var theme = Text(Theme, nameof(Theme), "テーマ", CollaborationCall.MaxTextLength);
        var description = Text(Description, nameof(Description), "募集の説明", CollaborationCall.MaxTextLength);
        var department = Text(Department, nameof(Department), "担当部署", CollaborationCall.MaxDepartmentLength);

        var budget = Yen(BudgetCeiling);
        if (budget is null or < 1 or > MaxBudget)
            errors.Add((nameof(BudgetCeiling), l["予算の上限は1円から{0}円までの整数で入力してください。", MaxBudget.ToString("N0", CultureInfo.InvariantCulture)]));

        var starts = Day(StartsOn);
        var ends = Day(EndsOn);
        var deadline = Day(Deadline);
        if (starts is null) errors.Add((nameof(StartsOn), l["実施期間の開始日を正しい日付で入力してください。"]));
        if (ends is null) errors.Add((nameof(EndsOn), l["実施期間の終了日を正しい日付で入力してください。"]));
        if (deadline is null) errors.Add((nameof(Deadline), l["提案の締切日を正しい日付で入力してください。"]));
        if (starts is { } s && ends is { } e && e < s) errors.Add((nameof(EndsOn), l["実施期間の終了日は開始日以降にしてください。"]));
        if (deadline is { } d && ends is { } end && d > end) errors.Add((nameof(Deadline), l["提案の締切日は実施期間の終了日以前にしてください。"]));

        Guid? initiative = null;
        if (!string.IsNullOrWhiteSpace(InitiativeId))
        {
            if (Guid.TryParse(InitiativeId, out var id) && initiatives.Contains(id)) initiative = id;
            else errors.Add((nameof(InitiativeId), l["取組・施策を一覧から選んでください。"]));
        }

        var criteria = Rubric(l, errors);
        if (errors.Count > 0) return null;
        return new CallDetails(kind, title, theme, description, department, budget!.Value, starts!.Value, ends!.Value, deadline!.Value, criteria, initiative);
    }

    private List<RubricCriterion> Rubric(IStringLocalizer<SharedResource> l, List<(string Key, string Message)> errors)
    {
        var criteria = new List<RubricCriterion>();
        if (Criteria.Count > CollaborationCall.MaxCriteria)
        {
            errors.Add((nameof(Criteria), l["評価基準は{0}個までにしてください。", CollaborationCall.MaxCriteria]));
            return criteria;
        }
        for (var i = 0; i < Criteria.Count; i++)
        {
            var row = Criteria[i];
            if (row is null || row.IsEmpty) continue;
            var number = i + 1;
            var name = row.Name?.Trim() ?? "";
            var description = row.Description?.Trim() ?? "";
            var ok = true;
            if (name.Length is 0 or > RubricCriterion.MaxNameLength)
            {
                errors.Add((nameof(Criteria), l["評価基準{0}の名前を{1}文字以内で入力してください。", number, RubricCriterion.MaxNameLength]));
                ok = false;
            }
            if (description.Length > RubricCriterion.MaxDescriptionLength)
            {
                errors.Add((nameof(Criteria), l["評価基準{0}の説明は{1}文字以内で入力してください。", number, RubricCriterion.MaxDescriptionLength]));
                ok = false;
            }
            if (!int.TryParse(row.MaxScore, NumberStyles.Integer, CultureInfo.InvariantCulture, out var max) || max is < 1 or > RubricCriterion.MaxScoreLimit)
            {
                errors.Add((nameof(Criteria), l["評価基準{0}の満点は1から{1}までの整数で入力してください。", number, RubricCriterion.MaxScoreLimit]));
                ok = false;
            }
            if (ok) criteria.Add(new RubricCriterion(criteria.Count + 1, name, description, max));
        }
        if (criteria.Count == 0 && !errors.Any(e => e.Key == nameof(Criteria)))
            errors.Add((nameof(Criteria), l["評価基準を1つ以上入力してください。"]));
        return criteria;
    }

    /// <summary>Yen as typed: digits, with or without thousands separators (full-width digits too).</summary>
    public static long? Yen(string? value)
    {
        var t = (value ?? "").Normalize(System.Text.NormalizationForm.FormKC).Replace(",", "", StringComparison.Ordinal).Replace("\u5186", "", StringComparison.Ordinal).Trim();
        return t.Length is > 0 and <= 15 && t.All(char.IsAsciiDigit) && long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var yen) ? yen : null;
    }

    /// <summary>A date as the date input sends it, within the years the platform takes.</summary>
    public static DateOnly? Day(string? value) =>
        DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
        && date.Year is >= SaveOpportunity.FirstYear and <= SaveOpportunity.LastYear ? date : null;
}
