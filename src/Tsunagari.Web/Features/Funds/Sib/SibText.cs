using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Tsunagari.Features.Funds.Sib;

/// <summary>The words of social impact bonds: each field's label, each problem's message, the parties and rules, as keys of the shared resource.</summary>
public static class SibText
{
    /// <summary>The label of the last segment of a problem's path (outcomes[0].rule.steps[1].amount → amount).</summary>
    public static string Label(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var field = path[(path.LastIndexOf('.') + 1)..];
        var bracket = field.IndexOf('[', StringComparison.Ordinal);
        return (bracket >= 0 ? field[..bracket] : field) switch
        {
            "cap" => "支払上限額",
            "fixedPayment" => "固定支払額",
            "outcomes" => "成果連動支払",
            "indicator" => "指標名",
            "unit" => "指標の単位",
            "measuredOn" => "測定日",
            "steps" => "段階表",
            "threshold" => "閾値（この値以上）",
            "amount" => "支払額",
            "lower" => "下限値（これ以下は0円）",
            "upper" => "目標値（これ以上は最大額）",
            "maxAmount" => "最大支払額",
            "results" => "測定結果",
            "kind" => "支払ルール",
            _ => field,
        };
    }

    public static string Message(SibProblem problem, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(l);
        var label = l[Label(problem.Path)];
        return problem.Kind switch
        {
            SibProblemKind.Amount => YenText.Message(problem.Amount ?? AmountProblem.NotWholeYen, label, l),
            SibProblemKind.Required => l["{0}を指定してください。", label],
            SibProblemKind.FixedAboveCap => l["固定支払額が支払上限額を超えています。"],
            SibProblemKind.NoOutcomes => l["成果連動支払を1件以上設定してください。"],
            SibProblemKind.TooManyOutcomes => l["成果連動支払は{0}件までです。", SibSettlement.MaxOutcomes],
            SibProblemKind.NoSteps => l["段階表に閾値と支払額の行を1行以上入れてください。"],
            SibProblemKind.TooManySteps => l["段階表は{0}行までです。", SibSettlement.MaxSteps],
            SibProblemKind.StepsNotAscending => l["段階表の閾値は上の行より大きくしてください。"],
            SibProblemKind.StepAmountsDecreasing => l["段階表の支払額は上の行以上にしてください（高い成果ほど支払は少なくなりません）。"],
            SibProblemKind.LowerNotBelowUpper => l["目標値は下限値より大きくしてください。"],
            SibProblemKind.TooLong => l["{0}は{1}文字以内にしてください。", label, problem.Path.EndsWith("unit", StringComparison.Ordinal) ? SibSettlement.MaxUnitLength : SibSettlement.MaxIndicatorLength],
            SibProblemKind.TooManyResults => l["測定結果が成果連動支払の数より多くあります。"],
            SibProblemKind.OutOfRange => l["{0}はマイナス1兆からプラス1兆までの数値にしてください。", label],
            _ => l["入力内容を確認してください。"],
        };
    }

    public static string Rule(SibRuleKind kind) => kind switch
    {
        SibRuleKind.Step => "段階表",
        _ => "線形",
    };

    public static string Status(SibContractStatus status) => status switch
    {
        SibContractStatus.Draft => "下書き",
        _ => "締結済み",
    };

    /// <summary>Yen with thousands separators (amounts are whole yen already).</summary>
    public static string Yen(decimal value) => value.ToString("N0", CultureInfo.CurrentCulture);

    /// <summary>A result or threshold as stored, without trailing zeros (72.5, 60).</summary>
    public static string Number(decimal value) => value.ToString("0.####", CultureInfo.CurrentCulture);

    /// <summary>A return rate as a percent with one decimal (41.8).</summary>
    public static string Percent(decimal fraction) => Math.Round(fraction * 100m, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.CurrentCulture);
}
