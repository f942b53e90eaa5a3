using System.Globalization;
using System.Text;

namespace Tsunagari.Features.ImpactEvaluation.SroiMaps;

/// <summary>
/// Numbers as people type them on the SROI page: full-width digits (NFKC), thousands separators, a leading ¥ or a
/// trailing 円 or %, the minus sign; read in the invariant culture (a point for decimals) whatever the page's language, so
/// "1,200.5" means the same in Japanese and English. No exponents: "1e3" is not an amount anyone types.
/// </summary>
public static class SroiNumber
{
    public static bool TryParse(string? text, out decimal value)
    {
        value = 0m;
        var t = (text ?? "").Normalize(NormalizationForm.FormKC).Trim().Replace(",", "", StringComparison.Ordinal).Replace('\u2212', '-');
        if (t.StartsWith('¥')) t = t[1..].TrimStart();
        if (t.EndsWith('円') || t.EndsWith('%')) t = t[..^1].TrimEnd();
        return t.Length > 0 && decimal.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>A stored number as the form shows it again: invariant, without trailing zeros ("0.2", "1200").</summary>
    public static string Show(decimal value) => value.ToString("0.##########", CultureInfo.InvariantCulture);

    /// <summary>A stored fraction as the percent the form shows ("20" for 0.2).</summary>
    public static string ShowPercent(decimal fraction) => Show(fraction * 100m);
}
