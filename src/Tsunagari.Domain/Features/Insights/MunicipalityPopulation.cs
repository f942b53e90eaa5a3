namespace Tsunagari.Features.Insights;

/// <summary>
/// A municipality's population as of a date, from a file an administrator uploaded (e.g. the prefecture's 常住人口 or
/// the Basic Resident Register), so dashboards can show activity per 1,000 residents. The source is shown with every
/// figure computed from it. One row per municipality (or ward): a new upload replaces the rows it names.
/// </summary>
public sealed class MunicipalityPopulation
{
    public const int MaxSourceLength = 300;

    public string MunicipalityCode { get; private set; } = "";
    public int Population { get; private set; }
    public DateOnly AsOf { get; private set; }
    public string Source { get; private set; } = "";
    public DateTimeOffset UploadedAt { get; private set; }
    public Guid? UploadedBy { get; private set; }

    private MunicipalityPopulation() { }

    public MunicipalityPopulation(string municipalityCode, int population, DateOnly asOf, string source, DateTimeOffset uploadedAt, Guid? uploadedBy)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(population);
        MunicipalityCode = municipalityCode;
        Population = population;
        AsOf = asOf;
        Source = source;
        UploadedAt = uploadedAt;
        UploadedBy = uploadedBy;
    }

    /// <summary>A count per 1,000 residents, or null where the population is unknown or zero.</summary>
    public static decimal? PerThousand(decimal count, long population) =>
        population <= 0 ? null : Math.Round(count * 1000m / population, 2);
}
