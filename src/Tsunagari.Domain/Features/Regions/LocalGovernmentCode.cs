namespace Tsunagari.Features.Regions;

/// <summary>
/// Japan's 6-digit local government code (全国地方公共団体コード): 2 digits of prefecture, 3 of municipality, 1 check digit.
/// </summary>
public static class LocalGovernmentCode
{
    public const int Length = 6;

    /// <summary>True when the text is 6 ASCII digits whose last one is the check digit of the first five.</summary>
    public static bool IsValid(string? code) => code is not null && IsValid(code.AsSpan());

    public static bool IsValid(ReadOnlySpan<char> code)
    {
        if (code.Length != Length) return false;
        foreach (var c in code)
            if (!char.IsAsciiDigit(c)) return false;
        return code[5] - '0' == CheckDigit(code[..5]);
    }

    /// <summary>
    /// The check digit of the first five digits: (11 - s mod 11) mod 10 with weights 6,5,4,3,2. The final mod 10 matters:
    /// remainders 0 and 1 give 11 and 10, whose last digits 1 and 0 real codes carry (東金市 122131, 館山市 122050).
    /// </summary>
    public static int CheckDigit(ReadOnlySpan<char> firstFive)
    {
        if (firstFive.Length != Length - 1)
            throw new ArgumentException("Exactly five digits are needed.", nameof(firstFive));
        var sum = 0;
        for (var i = 0; i < firstFive.Length; i++)
        {
            var digit = firstFive[i] - '0';
            if (digit is < 0 or > 9)
                throw new ArgumentException("Only ASCII digits are allowed.", nameof(firstFive));
            sum += digit * (6 - i);
        }
        return (11 - sum % 11) % 10;
    }
}
