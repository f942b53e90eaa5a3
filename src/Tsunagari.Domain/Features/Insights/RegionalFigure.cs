namespace Tsunagari.Features.Insights;

/// <summary>
/// One precomputed, additive figure of one municipality for the regional dashboards: a count or a sum for a measure,
/// a key within the measure (an organization kind, a field, a stage… or "") and a quarter. Because every figure is
/// additive, a grouping's or the prefecture's figure is the sum of its municipalities' rows, so a dashboard reads a few
/// hundred rows whatever the number of participation records. People are counted once, in one municipality, by the
/// writer that keeps the measure (see docs/architecture.md, "Regional dashboards").
/// </summary>
public sealed class RegionalFigure
{
    public const int MaxMeasureLength = 40;
    public const int MaxKeyLength = 40;

    /// <summary>The <see cref="Quarter"/> of a figure that is not by quarter (a current state, or all time).</summary>
    public const int AllTime = 0;

    /// <summary>The <see cref="MunicipalityCode"/> of figures that belong to no municipality (online activity): counted in the prefecture only.</summary>
    public const string NoMunicipality = "";

    /// <summary>A municipality's (or a ward's) local government code, or <see cref="NoMunicipality"/>.</summary>
    public string MunicipalityCode { get; private set; } = "";

    public string Measure { get; private set; } = "";
    public string Key { get; private set; } = "";

    /// <summary>A calendar quarter in Japan time as year × 10 + quarter (20263 = July–September 2026), or <see cref="AllTime"/>.</summary>
    public int Quarter { get; private set; }

    public decimal Value { get; set; }

    private RegionalFigure() { }

    public RegionalFigure(string municipalityCode, string measure, string key, int quarter, decimal value)
    {
        ArgumentException.ThrowIfNullOrEmpty(measure);
        ArgumentNullException.ThrowIfNull(municipalityCode);
        ArgumentNullException.ThrowIfNull(key);
        MunicipalityCode = municipalityCode;
        Measure = measure;
        Key = key;
        Quarter = quarter;
        Value = value;
    }

    /// <summary>The quarter (year × 10 + 1..4) a Japan date falls in.</summary>
    public static int QuarterOf(DateOnly date) => date.Year * 10 + (date.Month - 1) / 3 + 1;

    /// <summary>The first day of a quarter given as year × 10 + quarter.</summary>
    public static DateOnly QuarterStart(int quarter) => new(quarter / 10, (quarter % 10 - 1) * 3 + 1, 1);

    /// <summary>The quarter after the given one.</summary>
    public static int NextQuarter(int quarter) => quarter % 10 == 4 ? (quarter / 10 + 1) * 10 + 1 : quarter + 1;

    /// <summary>The quarters from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public static IEnumerable<int> Quarters(int from, int to)
    {
        for (var quarter = from; quarter <= to; quarter = NextQuarter(quarter)) yield return quarter;
    }

    /// <summary>"2026Q3", as the tables and downloads show a quarter.</summary>
    public static string QuarterLabel(int quarter) => $"{quarter / 10}Q{quarter % 10}";
}
