namespace Tsunagari.Features.Organizations;

/// <summary>
/// 法人番号: 13 digits, the first a check digit over the other twelve (National Tax Agency rule:
/// 9 − (Σ Pn×Qn mod 9), Pn the n-th of the twelve counted from the right, Qn 1 for odd n and 2 for even n).
/// </summary>
public static class CorporateNumber
{
    public static bool IsValid(string? number) =>
        number is { Length: 13 } && number.All(char.IsAsciiDigit) && number[0] - '0' == CheckDigit(number.AsSpan(1));

    public static int CheckDigit(ReadOnlySpan<char> twelveDigits)
    {
        var sum = 0;
        for (var n = 1; n <= 12; n++)
            sum += (twelveDigits[12 - n] - '0') * (n % 2 == 1 ? 1 : 2);
        return 9 - sum % 9;
    }
}
