using Microsoft.Extensions.Localization;
using Tsunagari.Features.Organizations;
using Tsunagari.Features.Regions;
using Tsunagari.Resources;

namespace Tsunagari.Features.Funds.Grants;

/// <summary>The programme form as posted. Questions and rubric criteria are typed one per line.</summary>
public sealed class ProgrammeInput
{
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? Budget { get; set; }
    public string? MaxPerGrant { get; set; }
    public string? OpensOn { get; set; }
    public string? ClosesOn { get; set; }
    public List<LegalForm> LegalForms { get; set; } = [];
    public List<string> Municipalities { get; set; } = [];
    public List<int> Fields { get; set; } = [];
    public string? Questions { get; set; }
    public string? Criteria { get; set; }
    public string? EvaluationPercent { get; set; }

    /// <summary>Checks everything and fills <paramref name="programme"/> when all is well; errors are keyed by field.</summary>
    public bool Validate(GrantProgramme programme, bool dormantDeposit, Japan japan, IStringLocalizer<SharedResource> l, List<(string Key, string Message)> errors)
    {
        ArgumentNullException.ThrowIfNull(programme);
        ArgumentNullException.ThrowIfNull(japan);
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(errors);
        var title = (Title ?? "").Trim();
        if (title.Length == 0) errors.Add((nameof(Title), l["プログラムの名前を入力してください。"]));
        else if (title.Length > GrantProgramme.MaxTitleLength) errors.Add((nameof(Title), l["{0}文字以内で入力してください。", GrantProgramme.MaxTitleLength]));
        var description = (Description ?? "").Trim();
        if (description.Length > GrantProgramme.MaxTextLength) errors.Add((nameof(Description), l["{0}文字以内で入力してください。", GrantProgramme.MaxTextLength]));
        var budget = Amount(Budget, nameof(Budget), l, errors);
        var max = Amount(MaxPerGrant, nameof(MaxPerGrant), l, errors);
        if (budget is not null && max is not null && max > budget) errors.Add((nameof(MaxPerGrant), l["1件あたりの上限は、予算の総額以下にしてください。"]));
        var opens = YenInput.Day(OpensOn);
        var closes = YenInput.Day(ClosesOn);
        if (opens is null) errors.Add((nameof(OpensOn), l["受付開始日を日付（例：2027-04-01）で入力してください。"]));
        if (closes is null) errors.Add((nameof(ClosesOn), l["締切日を日付（例：2027-05-31）で入力してください。"]));
        else if (opens is not null && closes < opens) errors.Add((nameof(ClosesOn), l["締切日は受付開始日より後にしてください。"]));
        if (LegalForms.Any(f => !Enum.IsDefined(f))) errors.Add((nameof(LegalForms), l["法人格は一覧から選んでください。"]));
        if (Municipalities.Any(c => japan.Municipality(c) is null)) errors.Add((nameof(Municipalities), l["市区町村は一覧から選んでください。"]));
        if (Fields.Any(f => !FieldsOfActivity.IsDefined(f))) errors.Add((nameof(Fields), l["活動分野は一覧から選んでください。"]));
        var questions = Lines(Questions, GrantProgramme.MaxQuestions, nameof(Questions), l, errors);
        var criteria = Lines(Criteria, GrantProgramme.MaxCriteria, nameof(Criteria), l, errors);
        if (criteria.Count == 0 && !errors.Any(e => e.Key == nameof(Criteria))) errors.Add((nameof(Criteria), l["審査の評価項目を1つ以上入力してください。"]));
        var percent = GrantProgramme.DefaultEvaluationPercent;
        if (dormantDeposit && !string.IsNullOrWhiteSpace(EvaluationPercent)
            && (!decimal.TryParse(EvaluationPercent.Trim(), System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out percent)
                || percent > GrantProgramme.MaxEvaluationPercent || decimal.Round(percent, 2) != percent))
            errors.Add((nameof(EvaluationPercent), l["評価費の割合は0から{0}までの数（％）で入力してください。", GrantProgramme.MaxEvaluationPercent]));
        if (errors.Count > 0) return false;
        programme.Title = title;
        programme.Description = description;
        programme.Budget = budget!.Value;
        programme.MaxPerGrant = max!.Value;
        programme.OpensOn = opens!.Value;
        programme.ClosesOn = closes!.Value;
        programme.EligibleLegalForms = LegalForms.Distinct().Order().ToList();
        programme.EligibleMunicipalities = Municipalities.Distinct().Order(StringComparer.Ordinal).ToList();
        programme.EligibleFields = Fields.Distinct().Order().ToList();
        programme.Questions = questions;
        programme.Criteria = criteria;
        programme.EvaluationPercent = dormantDeposit ? percent : GrantProgramme.DefaultEvaluationPercent;
        return true;
    }

    private static decimal? Amount(string? value, string key, IStringLocalizer<SharedResource> l, List<(string, string)> errors)
    {
        var amount = YenInput.Parse(value, l, out var message);
        if (message is not null) errors.Add((key, message));
        return amount;
    }

    private static List<string> Lines(string? text, int max, string key, IStringLocalizer<SharedResource> l, List<(string, string)> errors)
    {
        var lines = (text ?? "").Split('\n').Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
        if (lines.Count > max) errors.Add((key, l["{0}行までにしてください。", max]));
        if (lines.Any(s => s.Length > GrantProgramme.MaxQuestionLength)) errors.Add((key, l["1行は{0}文字以内にしてください。", GrantProgramme.MaxQuestionLength]));
        return lines;
    }
}
