using System.Globalization;

namespace Tsunagari.Features.Insights.Map;

/// <summary>One class of the map's legend: the values from <see cref="Lower"/> to <see cref="Upper"/> (both included) and its colours.</summary>
public sealed record MapClass(int Index, decimal Lower, decimal Upper, string Fill, string Text)
{
    public string Range => Lower == Upper ? Format(Lower) : $"{Format(Lower)} – {Format(Upper)}";

    public static string Format(decimal value) => value.ToString(value == decimal.Truncate(value) ? "N0" : "N2", CultureInfo.InvariantCulture);
}

/// <summary>
/// Quantile classes: up to five classes holding about the same number of municipalities, so a few large cities do not
/// push every other tile into the lightest colour. Equal values never straddle two classes, so there are fewer classes
/// when there are few distinct values. The palette is ColorBrewer's sequential Blues, with black text on the three light
/// colours and white on the two dark ones (contrast 4.5:1 or more for the names on the tiles).
/// </summary>
public static class MapClasses
{
    public const int Count = 5;

    public static readonly IReadOnlyList<(string Fill, string Text)> Palette =
    [
        ("#eff3ff", "#000000"), ("#c6dbef", "#000000"), ("#6baed6", "#000000"), ("#2171b5", "#ffffff"), ("#08306b", "#ffffff"),
    ];

    /// <summary>The fill of tiles whose value is not shown (a small count), drawn hatched.</summary>
    public const string SuppressedFill = "#bdbdbd";

    /// <summary>The fill of tiles without a value per 1,000 residents (no population registered).</summary>
    public const string MissingFill = "#ffffff";

    public static IReadOnlyList<MapClass> Of(IEnumerable<decimal> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Order().ToList();
        if (sorted.Count == 0) return [];
        var classes = new List<MapClass>();
        var start = 0;
        for (var k = 1; k <= Count && start < sorted.Count; k++)
        {
            var end = Math.Max(start, (int)Math.Ceiling(sorted.Count * k / (double)Count) - 1);
            while (end + 1 < sorted.Count && sorted[end + 1] == sorted[end]) end++;
            classes.Add(new MapClass(classes.Count, sorted[start], sorted[end], "", ""));
            start = end + 1;
        }
        // Spread the palette over the classes there are, so two classes are not two neighbouring light blues.
        return [.. classes.Select(c =>
        {
            var colour = Palette[classes.Count == 1 ? Palette.Count - 1 : c.Index * (Palette.Count - 1) / (classes.Count - 1)];
            return c with { Fill = colour.Fill, Text = colour.Text };
        })];
    }

    public static MapClass? ClassOf(IReadOnlyList<MapClass> classes, decimal value)
    {
        ArgumentNullException.ThrowIfNull(classes);
        return classes.FirstOrDefault(c => value <= c.Upper) ?? (classes.Count > 0 ? classes[^1] : null);
    }
}
