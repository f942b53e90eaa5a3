using System.Globalization;

namespace Tsunagari.Features.Insights.Dashboards;

/// <summary>The quarters a dashboard shows: <see cref="Count"/> quarters ending with <see cref="To"/> (both as year × 10 + quarter).</summary>
public sealed record DashboardPeriod(int To, int Count)
{
    public const int DefaultCount = 4;

    /// <summary>The lengths offered: one year or two or three.</summary>
    public static IReadOnlyList<int> Counts { get; } = [4, 8, 12];

    public IReadOnlyList<int> Quarters { get; } = Back(To, Count);

    public int From => Quarters[0];

    /// <summary>The last <paramref name="count"/> quarters up to the current one.</summary>
    public static DashboardPeriod Default(int current) => new(current, DefaultCount);

    /// <summary>
    /// Reads <c>to</c> ("2026Q3", not after the current quarter, not before 2000) and <c>quarters</c> (4, 8 or 12); null
    /// when either is given wrongly.
    /// </summary>
    public static DashboardPeriod? TryParse(string? to, string? quarters, int current)
    {
        var end = current;
        if (!string.IsNullOrWhiteSpace(to))
        {
            var text = to.Trim().ToUpperInvariant();
            if (text.Length != 6 || text[4] != 'Q'
                || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
                || text[5] is < '1' or > '4' || year < 2000)
                return null;
            end = year * 10 + (text[5] - '0');
            if (end > current) return null;
        }
        var count = DefaultCount;
        if (!string.IsNullOrWhiteSpace(quarters)
            && (!int.TryParse(quarters, NumberStyles.None, CultureInfo.InvariantCulture, out count) || !Counts.Contains(count)))
            return null;
        return new DashboardPeriod(end, count);
    }

    /// <summary>The quarters offered as the period's end: the current one and the eleven before it.</summary>
    public static IReadOnlyList<int> Ends(int current) => [.. Back(current, 12).Reverse()];

    private static int[] Back(int to, int count)
    {
        var quarters = new int[count];
        for (var i = count - 1; i >= 0; i--, to = Previous(to)) quarters[i] = to;
        return quarters;
    }

    public static int Previous(int quarter) => quarter % 10 == 1 ? (quarter / 10 - 1) * 10 + 4 : quarter - 1;
}
