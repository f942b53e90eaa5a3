using System.Globalization;
using System.Text.RegularExpressions;

namespace Tsunagari.Features.Insights.Map;

/// <summary>Quarters as people type them in a query: "2026Q3" (as the tables show them) or "20263" (as stored).</summary>
public static partial class QuarterText
{
    public static int? Parse(string? text)
    {
        var match = QuarterPattern().Match(text?.Trim() ?? "");
        if (!match.Success) return null;
        var year = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var quarter = match.Groups[2].Value[0] - '0';
        return year is >= 1900 and <= 9999 ? year * 10 + quarter : null;
    }

    [GeneratedRegex("^([0-9]{4})[Qq]?([1-4])$")]
    private static partial Regex QuarterPattern();
}
