using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
using Tsunagari.Resources;

namespace Tsunagari.Features.Funds;

/// <summary>
/// Amounts of yen as people type and read them: 「10,000」「10000円」「¥10,000」, full-width digits too. The one parser of
/// typed yen for donations, grants and social impact bonds, so that every form accepts and refuses the same things.
/// </summary>
public static class YenText
{
    /// <summary>The amount, or null with a localized message naming <paramref name="label"/> added to <paramref name="errors"/>.</summary>
    public static decimal? Parse(string? input, string key, string label, IStringLocalizer l, List<(string Key, string Message)> errors, bool required = true)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var amount = Parse(input, label, l, out var message, required);
        if (message is not null) errors.Add((key, message));
        return amount;
    }

    /// <summary>The amount, or null with the message to show (null too when an optional amount is left empty).</summary>
    public static decimal? Parse(string? input, string label, IStringLocalizer l, out string? message, bool required = true)
    {
        ArgumentNullException.ThrowIfNull(l);
        message = null;
        var text = (input ?? "").Normalize(NormalizationForm.FormKC).Trim().TrimStart('\u00a5', '\\').TrimEnd('\u5186').Replace(",", "", StringComparison.Ordinal).Trim();
        if (text.Length == 0)
        {
            if (required) message = l["{0}を入力してください。", l[label]];
            return null;
        }
        if (text.Length > 20 || !decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount))
        {
            message = l["{0}は「10,000」のように数字で入力してください。", l[label]];
            return null;
        }
        if (Yen.Check(amount) is not { } problem) return amount;
        message = Message(problem, l[label], l);
        return null;
    }

    /// <summary>Why an amount is refused, naming what it is the amount of (<paramref name="label"/>, already localized).</summary>
    public static string Message(AmountProblem problem, string label, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(l);
        return problem switch
        {
            AmountProblem.NotPositive => l["{0}は1円以上にしてください。", label],
            AmountProblem.TooLarge => l["{0}は1兆円以下にしてください。", label],
            _ => l["{0}は1円単位で入力してください。", label],
        };
    }

    /// <summary>「10,000円」 in Japanese, "¥10,000" in English.</summary>
    public static string Format(decimal amount, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(l);
        return l["{0}円", amount.ToString("N0", CultureInfo.InvariantCulture)];
    }
}
