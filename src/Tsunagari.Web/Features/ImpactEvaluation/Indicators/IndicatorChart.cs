using System.Globalization;

namespace Tsunagari.Features.ImpactEvaluation.Indicators;

/// <summary>
/// The geometry of an indicator's chart (targets and actuals over time on one pair of axes), computed here so that the
/// page only writes SVG: dates run left to right in proportion to the days between them, values bottom to top from
/// zero (or the lowest value, if below zero) to the highest. The same figures are in the page's table.
/// </summary>
public sealed class IndicatorChart
{
    public const int Width = 640;
    public const int Height = 300;
    public const int Left = 90;
    public const int Right = 20;
    public const int Top = 20;
    public const int Bottom = 60;
    private const int YTicks = 4;

    public sealed record Dot(double X, double Y, DateOnly Date, decimal Value);

    public sealed record Tick(double Position, string Label);

    public IReadOnlyList<Dot> Targets { get; }
    public IReadOnlyList<Dot> Actuals { get; }
    public IReadOnlyList<Tick> XTicks { get; }
    public IReadOnlyList<Tick> YTicksList { get; }

    /// <summary>The baseline's height, when there is one.</summary>
    public double? BaselineY { get; }

    public bool IsEmpty => Targets.Count == 0 && Actuals.Count == 0;

    public double PlotBottom => Height - Bottom;
    public double PlotRight => Width - Right;

    private readonly DateOnly first;
    private readonly int days;
    private readonly decimal low;
    private readonly decimal high;

    public IndicatorChart(IReadOnlyList<IndicatorTarget> targets, IReadOnlyList<IndicatorPoint> actuals, decimal? baseline)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(actuals);
        var dates = targets.Select(t => t.Date).Concat(actuals.Select(a => a.Date)).ToList();
        var values = targets.Select(t => t.Value).Concat(actuals.Select(a => a.Value)).Append(0m).ToList();
        if (baseline is { } b) values.Add(b);
        first = dates.Count > 0 ? dates.Min() : DateOnly.MinValue;
        days = dates.Count > 0 ? dates.Max().DayNumber - first.DayNumber : 0;
        low = values.Min();
        high = values.Max();
        if (high == low) high = low + 1m;
        Targets = targets.OrderBy(t => t.Date).Select(t => new Dot(X(t.Date), Y(t.Value), t.Date, t.Value)).ToList();
        Actuals = actuals.OrderBy(a => a.Date).Select(a => new Dot(X(a.Date), Y(a.Value), a.Date, a.Value)).ToList();
        BaselineY = baseline is { } line ? Y(line) : null;
        // The first and the last date: labels between them would overlap when dates are close; the table has them all.
        XTicks = dates.Count == 0 ? []
            : days == 0 ? [new Tick(X(first), ValueText.Day(first))]
            : [new Tick(X(first), ValueText.Day(first)), new Tick(X(first.AddDays(days)), ValueText.Day(first.AddDays(days)))];
        YTicksList = Enumerable.Range(0, YTicks + 1).Select(i => low + ((high - low) * i / YTicks)).Select(v => new Tick(Y(v), ValueText.Show(Math.Round(v, 2)))).ToList();
    }

    private double X(DateOnly date) => days == 0 ? (Left + PlotRight) / 2.0 : Left + ((PlotRight - Left) * (date.DayNumber - first.DayNumber) / days);

    private double Y(decimal value) => PlotBottom - ((PlotBottom - Top) * (double)((value - low) / (high - low)));

    /// <summary>A polyline's points attribute.</summary>
    public static string Points(IEnumerable<Dot> dots) => string.Join(' ', dots.Select(d => Coordinate(d.X) + "," + Coordinate(d.Y)));

    /// <summary>A coordinate as SVG takes it (invariant, one decimal).</summary>
    public static string Coordinate(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
