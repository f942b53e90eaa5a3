using System.Globalization;
using System.Text;

namespace Tsunagari.Features.ImpactEvaluation.Indicators;

/// <summary>
/// Numbers and dates as people type them in the indicator forms, read the same whatever the request's language:
/// full-width digits, thousands commas and spaces are accepted, the decimal point is a full stop, no exponent.
/// Values are shown back the same way (invariant culture), so what the form shows it reads again unchanged.
/// </summary>
public static class ValueText
{
    /// <summary>The decimals the database keeps (its scale); more are refused rather than silently rounded.</summary>
    public const int MaxDecimals = 6;

    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    public enum Problem
    {
        None = 0,
        NotANumber = 1,
        OutOfRange = 2,
        TooPrecise = 3,
    }

    /// <summary>The value typed, or why it is not one: not a number, beyond ± <see cref="Indicator.MaxValue"/>, or too many decimals.</summary>
    public static Problem TryNumber(string? text, out decimal value)
    {
        value = 0m;
        var t = (text ?? "").Normalize(NormalizationForm.FormKC).Replace(",", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).Trim();
        if (t.Length is 0 or > 40) return Problem.NotANumber;
        if (!decimal.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
            return t.Count(char.IsAsciiDigit) > 15 && t.All(c => char.IsAsciiDigit(c) || c is '.' or '-' or '+') ? Problem.OutOfRange : Problem.NotANumber;
        if (Math.Abs(value) > Indicator.MaxValue) return Problem.OutOfRange;
        return Math.Round(value, MaxDecimals) != value ? Problem.TooPrecise : Problem.None;
    }

    /// <summary>A date as the date input sends it (yyyy-MM-dd), within the years an evaluation can be about.</summary>
    public static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
        && date.Year is >= FirstYear and <= LastYear ? date : null;

    public static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Day(DateOnly? date) => date is { } d ? Day(d) : "";

    /// <summary>A value for a form field: invariant, without trailing zeros.</summary>
    public static string Input(decimal? value) => value is { } v ? v.ToString("0.######", CultureInfo.InvariantCulture) : "";

    /// <summary>A value to read: grouped digits in the page's culture, up to the decimals it has.</summary>
    public static string Show(decimal? value) => value is { } v ? v.ToString("#,0.######", CultureInfo.CurrentCulture) : "—";

    /// <summary>A progress share as a percentage.</summary>
    public static string Percent(decimal? share) => share is { } s ? s.ToString("P0", CultureInfo.CurrentCulture) : "—";
}
