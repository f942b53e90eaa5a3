namespace Tsunagari.Features.Funds;

/// <summary>
/// Amounts of money in this feature: <c>decimal</c> yen, whole yen only (Japan has no coin below ¥1 in circulation), at
/// least ¥1 and at most a trillion yen, so that sums of many amounts stay far inside decimal's range.
/// </summary>
public static class Yen
{
    public const decimal Max = 1_000_000_000_000m;

    /// <summary>Precision and scale of every money column: 14 digits before the point, none after.</summary>
    public const int Precision = 16;

    public const int Scale = 0;

    /// <summary>What is wrong with an amount someone gave, or null when it is a whole number of yen from ¥1 to <see cref="Max"/>.</summary>
    public static AmountProblem? Check(decimal amount) => amount switch
    {
        <= 0 => AmountProblem.NotPositive,
        > Max => AmountProblem.TooLarge,
        _ when amount != decimal.Truncate(amount) => AmountProblem.NotWholeYen,
        _ => null,
    };

    /// <summary>Throws when <paramref name="amount"/> fails <see cref="Check"/>: callers check user input first, so this guards the domain.</summary>
    public static decimal Require(decimal amount, string parameterName)
    {
        if (Check(amount) is { } problem)
            throw new ArgumentOutOfRangeException(parameterName, amount, $"Not a valid yen amount: {problem}.");
        return amount;
    }

    /// <summary>
    /// Splits <paramref name="total"/> whole yen over shares in proportion to <paramref name="weights"/>, in whole yen that
    /// add up to exactly the total (largest remainder: each share is rounded down, and the yen left over go one each to the
    /// shares that lost most by rounding, earlier shares first on ties). Used wherever money is distributed pro rata.
    /// </summary>
    public static IReadOnlyList<decimal> Allocate(decimal total, IReadOnlyList<decimal> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (total < 0 || total != decimal.Truncate(total)) throw new ArgumentOutOfRangeException(nameof(total));
        if (weights.Count == 0) return [];
        if (weights.Any(w => w < 0)) throw new ArgumentOutOfRangeException(nameof(weights), "Weights cannot be negative.");
        var sum = weights.Sum();
        if (sum == 0) throw new ArgumentOutOfRangeException(nameof(weights), "At least one weight must be positive.");

        var exact = weights.Select(w => total * (w / sum)).ToArray();
        var shares = exact.Select(decimal.Floor).ToArray();
        var left = total - shares.Sum();
        foreach (var index in Enumerable.Range(0, shares.Length).OrderByDescending(i => exact[i] - shares[i]).ThenBy(i => i).Take((int)left))
            shares[index] += 1;
        return shares;
    }
}

public enum AmountProblem
{
    NotPositive = 1,
    TooLarge = 2,
    NotWholeYen = 3,
}
