using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
using Tsunagari.Resources;

namespace Tsunagari.Features.Funds.Donations;

/// <summary>Amounts of yen as people type and read them: 「10,000」「10000円」「¥10,000」, full-width digits too.</summary>
public static class YenText
{
    /// <summary>The amount, or null with a localized message naming <paramref name="label"/> added to <paramref name="errors"/>.</summary>
    public static decimal? Parse(string? input, string key, string label, IStringLocalizer<SharedResource> l, List<(string Key, string Message)> errors, bool required = true)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(errors);
        var text = (input ?? "").Normalize(NormalizationForm.FormKC).Trim().TrimStart('\u00a5', '\\').TrimEnd('\u5186').Replace(",", "", StringComparison.Ordinal).Trim();
        if (text.Length == 0)
        {
            if (required) errors.Add((key, l["{0}を入力してください。", l[label]]));
            return null;
        }
        if (text.Length > 20 || !decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount))
        {
            errors.Add((key, l["{0}は「10,000」のように数字で入力してください。", l[label]]));
            return null;
        }
        if (Yen.Check(amount) is not { } problem) return amount;
        errors.Add((key, problem switch
        {
            AmountProblem.NotPositive => l["{0}は1円以上にしてください。", l[label]],
            AmountProblem.TooLarge => l["{0}は1兆円以下にしてください。", l[label]],
            _ => l["{0}は1円単位で入力してください。", l[label]],
        }));
        return null;
    }

    /// <summary>「10,000円」 in Japanese, "¥10,000" in English.</summary>
    public static string Format(decimal amount, IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        return l["{0}円", amount.ToString("N0", CultureInfo.InvariantCulture)];
    }
}
