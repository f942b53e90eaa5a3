using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Tsunagari.Features.ImpactEvaluation.SroiMaps;

/// <summary>The words of the SROI calculation: each field's label and each problem's message, as keys of the shared resource.</summary>
public static class SroiText
{
    public static string Label(string field) => field switch
    {
        "discountRate" => "割引率",
        "investment" => "投資額",
        "outcomes" => "成果",
        "name" => "成果の名前",
        "stakeholder" => "ステークホルダー",
        "quantity" => "数量",
        "proxy" => "代理指標（金額）",
        "durationYears" => "期間（年）",
        "deadweight" => "デッドウェイト",
        "displacement" => "置換効果",
        "attribution" => "寄与率",
        "dropOff" => "ドロップオフ",
        _ => field,
    };

    /// <summary>The fields that are fractions in the calculation (and percents on the page).</summary>
    public static bool IsPercent(string field) => field is "discountRate" or "deadweight" or "displacement" or "attribution" or "dropOff";

    /// <summary>Why the field is wrong. Percentages are named as the person types them: fractions in the API, percents on the page.</summary>
    public static string Message(SroiProblem problem, IStringLocalizer l, bool percents)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(l);
        var label = l[Label(problem.Field)];
        return problem.Kind switch
        {
            SroiProblemKind.NotAFraction when percents => l["{0}は0から100までの％で入力してください。", label],
            SroiProblemKind.NotAFraction => l["{0}は0から1までの割合で指定してください（20％は0.2）。", label],
            SroiProblemKind.NotPositive => l["投資額は0より大きくしてください。"],
            SroiProblemKind.DurationOutOfRange => l["期間は1年から{0}年までにしてください。", Sroi.MaxDurationYears],
            SroiProblemKind.Missing when problem.Field == "proxy" => l["代理指標が未設定です。成果1単位あたりの金額（円）を入れると計算できます。"],
            SroiProblemKind.Missing => l["成果の中身がありません。"],
            SroiProblemKind.OutOfRange when problem.Field == "investment" => l["投資額は{0}円以上、{1}円以下にしてください。", Yen(Sroi.MinInvestment), Yen(Sroi.MaxAmount)],
            SroiProblemKind.OutOfRange => l["{0}は0以上、{1}以下にしてください。", label, Yen(Sroi.MaxAmount)],
            SroiProblemKind.OutcomeCount => l["成果は1件以上、{0}件までにしてください。", Sroi.MaxOutcomes],
            SroiProblemKind.TooLong => l["{0}は{1}文字以内にしてください。", label, Sroi.MaxTextLength],
            _ => l["入力内容を確認してください。"],
        };
    }

    /// <summary>One line of a problem list: the outcome's number and name, then the message; the message alone for the map's own fields.</summary>
    public static string Line(SroiProblem problem, IReadOnlyList<string> outcomeNames, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(outcomeNames);
        ArgumentNullException.ThrowIfNull(l);
        var message = Message(problem, l, percents: true);
        if (problem.Outcome is not { } i) return message;
        var name = i < outcomeNames.Count ? outcomeNames[i] : "";
        return l["成果{0}「{1}」：{2}", i + 1, name, message];
    }

    /// <summary>The assumption a sensitivity row moves: an outcome's number and the field's label, or the discount rate's label.</summary>
    public static string Assumption(Sroi.Variation variation, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(variation);
        ArgumentNullException.ThrowIfNull(l);
        return variation.Outcome is { } i ? l["成果{0}の{1}", i + 1, l[Label(variation.Field)]] : l[Label(variation.Field)];
    }

    /// <summary>Yen to the unit with thousands separators: rounding happens here, at display, and nowhere before.</summary>
    public static string Yen(decimal value) => Math.Round(value, 0, MidpointRounding.AwayFromZero).ToString("N0", CultureInfo.CurrentCulture);

    /// <summary>The ratio to two decimals (3.24).</summary>
    public static string Ratio(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("N2", CultureInfo.CurrentCulture);

    /// <summary>A fraction as a percent for display, up to four decimals (12.5 for 0.125).</summary>
    public static string Percent(decimal fraction) => (fraction * 100m).ToString("0.####", CultureInfo.CurrentCulture);
}
