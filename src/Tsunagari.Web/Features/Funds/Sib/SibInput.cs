using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tsunagari.Data;
using Tsunagari.Features.ImpactEvaluation.SroiMaps;

namespace Tsunagari.Features.Funds.Sib;

/// <summary>
/// The contract form as typed: parties by the id in their organization page's address, amounts as people type them
/// (「34,060,000」「3406万」is not read: digits, commas, full-width digits, a trailing 円), empty rows ignored. Everything is
/// a string so that what was typed comes back with its message.
/// </summary>
public sealed class SibInput
{
    public const int InvestorRows = 5;
    public const int OutcomeRows = 5;
    public const int StepRows = 4;

    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? Payer { get; set; }
    public string? Provider { get; set; }
    public string? Intermediary { get; set; }
    public string? Evaluator { get; set; }
    public string? StartsOn { get; set; }
    public string? EndsOn { get; set; }
    public string? Cap { get; set; }
    public string? FixedPayment { get; set; }
    public List<InvestorRow> Investors { get; set; } = [];
    public List<OutcomeRow> Outcomes { get; set; } = [];

    public sealed class InvestorRow
    {
        public string? OrganizationId { get; set; }
        public string? Name { get; set; }
        public string? Amount { get; set; }

        public bool IsEmpty => string.IsNullOrWhiteSpace(OrganizationId) && string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Amount);
    }

    public sealed class OutcomeRow
    {
        public string? Indicator { get; set; }
        public string? Unit { get; set; }
        public string? MeasuredOn { get; set; }
        public string? Kind { get; set; }
        public List<StepRow> Steps { get; set; } = [];
        public string? Lower { get; set; }
        public string? Upper { get; set; }
        public string? MaxAmount { get; set; }

        public StepRow Step(int i) => i < Steps.Count ? Steps[i] : new StepRow();

        public bool IsEmpty => string.IsNullOrWhiteSpace(Indicator) && string.IsNullOrWhiteSpace(Unit) && string.IsNullOrWhiteSpace(MeasuredOn)
            && string.IsNullOrWhiteSpace(Lower) && string.IsNullOrWhiteSpace(Upper) && string.IsNullOrWhiteSpace(MaxAmount) && Steps.All(s => s.IsEmpty);
    }

    public sealed class StepRow
    {
        public string? Threshold { get; set; }
        public string? Amount { get; set; }

        public bool IsEmpty => string.IsNullOrWhiteSpace(Threshold) && string.IsNullOrWhiteSpace(Amount);
    }

    public InvestorRow Investor(int i) => i < Investors.Count ? Investors[i] : new InvestorRow();

    public OutcomeRow Outcome(int i) => i < Outcomes.Count ? Outcomes[i] : new OutcomeRow();

    public static SibInput From(SibContract contract)
    {
        ArgumentNullException.ThrowIfNull(contract);
        return new SibInput
        {
            Title = contract.Title,
            Description = contract.Description,
            Payer = contract.PayerOrganizationId.ToString(),
            Provider = contract.ProviderOrganizationId.ToString(),
            Intermediary = contract.IntermediaryOrganizationId.ToString(),
            Evaluator = contract.EvaluatorOrganizationId.ToString(),
            StartsOn = contract.StartsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            EndsOn = contract.EndsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Cap = Show(contract.Cap),
            FixedPayment = contract.FixedPayment == 0 ? "" : Show(contract.FixedPayment),
            Investors = [.. contract.Investors.OrderBy(i => i.Number).Select(i => new InvestorRow { OrganizationId = i.OrganizationId?.ToString(), Name = i.OrganizationId is null ? i.Name : "", Amount = Show(i.Amount) })],
            Outcomes = [.. contract.Outcomes.OrderBy(o => o.Number).Select(o => new OutcomeRow
            {
                Indicator = o.Indicator,
                Unit = o.Unit,
                MeasuredOn = o.MeasuredOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Kind = o.RuleKind.ToString(),
                Steps = [.. o.Steps.Select(s => new StepRow { Threshold = SroiNumber.Show(s.Threshold), Amount = Show(s.Amount) })],
                Lower = o.Lower is { } lower ? SroiNumber.Show(lower) : null,
                Upper = o.Upper is { } upper ? SroiNumber.Show(upper) : null,
                MaxAmount = o.MaxAmount is { } max ? Show(max) : null,
            })],
        };
    }

    private static string Show(decimal yen) => yen.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>
    /// The contract's details, or null with the problems (form keys without "Input.") when something is wrong. The person
    /// must administer the payer or the intermediary; the payer and the intermediary differ (a payment moves between their
    /// ledgers), and no investor organization is the intermediary (its investment is into the intermediary's account).
    /// </summary>
    public async Task<SibContractDetails?> ValidateAsync(AppDbContext db, IReadOnlyCollection<Guid> administered, IStringLocalizer l,
        List<(string Key, string Message)> errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(administered);
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(errors);
        var title = (Title ?? "").Trim();
        if (title.Length == 0) errors.Add((nameof(Title), l["契約の名前を入力してください。"]));
        else if (title.Length > SibContract.MaxTitleLength) errors.Add((nameof(Title), l["{0}は{1}文字以内にしてください。", l["契約の名前"], SibContract.MaxTitleLength]));
        var description = (Description ?? "").Trim();
        if (description.Length > SibContract.MaxDescriptionLength) errors.Add((nameof(Description), l["{0}は{1}文字以内にしてください。", l["契約の説明"], SibContract.MaxDescriptionLength]));

        var parties = new Dictionary<string, Guid?>
        {
            [nameof(Payer)] = OrganizationId(Payer),
            [nameof(Provider)] = OrganizationId(Provider),
            [nameof(Intermediary)] = OrganizationId(Intermediary),
            [nameof(Evaluator)] = OrganizationId(Evaluator),
        };
        var investors = Investors.Select((row, i) => (row, i)).Where(x => !x.row.IsEmpty).ToList();
        var named = parties.Values.OfType<Guid>().Concat(investors.Select(x => OrganizationId(x.row.OrganizationId)).OfType<Guid>()).Distinct().ToList();
        var names = await db.Organizations.AsNoTracking().Where(o => named.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        foreach (var (key, id) in parties)
            if (id is not { } party || !names.ContainsKey(party))
                errors.Add((key, l["団体が見つかりません。団体のページのアドレスにあるIDを入力してください。"]));
        var payer = parties[nameof(Payer)];
        var intermediary = parties[nameof(Intermediary)];
        if (payer is { } p && intermediary is { } m)
        {
            if (!administered.Contains(p) && !administered.Contains(m))
                errors.Add((nameof(Payer), l["契約をつくれるのは、成果連動支払者か中間支援組織の団体の管理者です。"]));
            if (p == m) errors.Add((nameof(Intermediary), l["中間支援組織は成果連動支払者とは別の団体にしてください（支払は2つの団体の台帳の間で動きます）。"]));
        }

        var startsOn = Date(StartsOn, nameof(StartsOn), l["開始日"], l, errors);
        var endsOn = Date(EndsOn, nameof(EndsOn), l["終了日"], l, errors);
        if (startsOn is { } s && endsOn is { } e && e < s) errors.Add((nameof(EndsOn), l["終了日は開始日以降にしてください。"]));

        var cap = Yen(Cap, nameof(Cap), "支払上限額", required: true, l, errors);
        var fixedPayment = Yen(FixedPayment, nameof(FixedPayment), "固定支払額", required: false, l, errors);

        var investorDetails = new List<SibInvestorDetails>();
        if (investors.Count == 0) errors.Add((nameof(Investors), l["出資者を1人以上入力してください。"]));
        foreach (var (row, i) in investors)
        {
            var key = $"Investors[{i}]";
            Guid? organization = null;
            if (!string.IsNullOrWhiteSpace(row.OrganizationId))
            {
                organization = OrganizationId(row.OrganizationId);
                if (organization is not { } o || !names.ContainsKey(o)) errors.Add(($"{key}.OrganizationId", l["団体が見つかりません。団体のページのアドレスにあるIDを入力してください。"]));
                else if (o == intermediary) errors.Add(($"{key}.OrganizationId", l["中間支援組織自身は出資者にできません（出資は中間支援組織の口座に入ります）。"]));
            }
            var name = (row.Name ?? "").Trim();
            if (organization is null && name.Length == 0) errors.Add(($"{key}.Name", l["出資者の団体のIDか、外部の出資者の名前を入力してください。"]));
            if (name.Length > SibInvestor.MaxNameLength) errors.Add(($"{key}.Name", l["{0}は{1}文字以内にしてください。", l["出資者の名前"], SibInvestor.MaxNameLength]));
            var amount = Yen(row.Amount, $"{key}.Amount", "出資額", required: true, l, errors);
            investorDetails.Add(new(organization, organization is { } id && names.TryGetValue(id, out var n) ? n : name, amount ?? 1m));
        }
        if (investors.Count > SibContract.MaxInvestors) errors.Add((nameof(Investors), l["出資者は{0}件までです。", SibContract.MaxInvestors]));

        var rows = Outcomes.Select((row, i) => (row, i)).Where(x => !x.row.IsEmpty).ToList();
        var outcomes = rows.Select(x => Outcome(x.row, $"Outcomes[{x.i}]", l, errors)).ToList();
        var terms = new SibTerms(cap ?? global::Tsunagari.Features.Funds.Yen.Max, fixedPayment ?? 0m, outcomes);
        foreach (var problem in SibSettlement.Validate(terms))
        {
            var key = FormKey(problem.Path, rows.Select(x => x.i).ToList(), rows.Select(x => StepRowsOf(x.row)).ToList());
            if (!errors.Any(x => x.Key == key)) errors.Add((key, SibText.Message(problem, l)));
        }
        if (errors.Count > 0) return null;
        return new SibContractDetails(title, description, payer!.Value, parties[nameof(Provider)]!.Value, intermediary!.Value, parties[nameof(Evaluator)]!.Value,
            startsOn!.Value, endsOn!.Value, cap!.Value, fixedPayment ?? 0m, investorDetails, [.. outcomes.Select(o => o!)]);
    }

    private static SibOutcomeTerms? Outcome(OutcomeRow row, string key, IStringLocalizer l, List<(string Key, string Message)> errors)
    {
        var kind = Enum.TryParse<SibRuleKind>(row.Kind, ignoreCase: true, out var k) && Enum.IsDefined(k) ? k : (SibRuleKind?)null;
        if (kind is null) errors.Add(($"{key}.Kind", l["支払ルール（段階表か線形）を選んでください。"]));
        var measuredOn = string.IsNullOrWhiteSpace(row.MeasuredOn) ? null : Date(row.MeasuredOn, $"{key}.MeasuredOn", l["測定日"], l, errors);
        var steps = new List<SibStep>();
        if (kind == SibRuleKind.Step)
        {
            foreach (var s in StepRowsOf(row))
            {
                var step = row.Steps[s];
                var threshold = Number(step.Threshold, $"{key}.Steps[{s}].Threshold", "閾値（この値以上）", l, errors);
                var amount = Yen(step.Amount, $"{key}.Steps[{s}].Amount", "支払額", required: true, l, errors);
                steps.Add(new(threshold ?? 0m, amount ?? 1m));
            }
        }
        decimal? lower = null, upper = null, max = null;
        if (kind == SibRuleKind.Linear)
        {
            lower = Number(row.Lower, $"{key}.Lower", "下限値（これ以下は0円）", l, errors);
            upper = Number(row.Upper, $"{key}.Upper", "目標値（これ以上は最大額）", l, errors);
            max = Yen(row.MaxAmount, $"{key}.MaxAmount", "最大支払額", required: true, l, errors);
            // What could not be read was named above; a stand-in keeps Validate from naming it again.
            if (lower is null || upper is null) (lower, upper) = (0m, 1m);
            max ??= 1m;
        }
        return new SibOutcomeTerms(row.Indicator ?? "", row.Unit ?? "", measuredOn, new SibRule(kind ?? SibRuleKind.Step, steps, lower, upper, max));
    }

    private static List<int> StepRowsOf(OutcomeRow row) => [.. row.Steps.Select((s, i) => (s, i)).Where(x => !x.s.IsEmpty).Select(x => x.i)];

    /// <summary>The form field a domain problem is about: outcomes[1].rule.steps[0].amount → Outcomes[3].Steps[2].Amount when rows were left empty.</summary>
    private static string FormKey(string path, List<int> outcomeRows, List<List<int>> stepRows)
    {
        if (path is "cap") return nameof(Cap);
        if (path is "fixedPayment") return nameof(FixedPayment);
        if (!path.StartsWith("outcomes[", StringComparison.Ordinal)) return nameof(Outcomes);
        var close = path.IndexOf(']', StringComparison.Ordinal);
        var o = int.Parse(path[9..close], CultureInfo.InvariantCulture);
        var row = $"Outcomes[{(o < outcomeRows.Count ? outcomeRows[o] : o)}]";
        var rest = path[(close + 1)..];
        if (rest.StartsWith(".rule.steps[", StringComparison.Ordinal))
        {
            var end = rest.IndexOf(']', StringComparison.Ordinal);
            var s = int.Parse(rest[12..end], CultureInfo.InvariantCulture);
            var stepRow = o < stepRows.Count && s < stepRows[o].Count ? stepRows[o][s] : s;
            return $"{row}.Steps[{stepRow}]{Pascal(rest[(end + 1)..])}";
        }
        return rest switch
        {
            ".rule.steps" => $"{row}.Steps",
            "" => $"{row}.Indicator",
            _ => row + Pascal(rest.Replace(".rule", "", StringComparison.Ordinal)),
        };
    }

    private static string Pascal(string member) => member.Length > 1 ? "." + char.ToUpperInvariant(member[1]) + member[2..] : "";

    private static Guid? OrganizationId(string? text) => Guid.TryParse((text ?? "").Trim(), out var id) ? id : null;

    private static DateOnly? Date(string? text, string key, string label, IStringLocalizer l, List<(string Key, string Message)> errors)
    {
        if (DateOnly.TryParseExact((text ?? "").Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        errors.Add((key, l["{0}は2018-03-31のような日付で入力してください。", label]));
        return null;
    }

    private static decimal? Number(string? text, string key, string label, IStringLocalizer l, List<(string Key, string Message)> errors)
    {
        if (SroiNumber.TryParse(text, out var value) && Math.Abs(value) <= SibSettlement.MaxMagnitude) return value;
        errors.Add((key, l["{0}は数値で入力してください（例：60、72.5）。", l[label]]));
        return null;
    }

    /// <summary>A typed amount (<see cref="YenText"/>); an optional one may also be 0, meaning none.</summary>
    private static decimal? Yen(string? text, string key, string label, bool required, IStringLocalizer l, List<(string Key, string Message)> errors) =>
        !required && text?.Trim() == "0" ? 0m : YenText.Parse(text, key, label, l, errors, required);
}
