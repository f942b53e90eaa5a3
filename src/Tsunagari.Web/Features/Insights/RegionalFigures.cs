using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.Regions;

namespace Tsunagari.Features.Insights;

/// <summary>A measure's sum over the municipalities of a scope, by key and quarter.</summary>
public sealed record FigureSum(string Measure, string Key, int Quarter, decimal Value);

/// <summary>
/// Reads the precomputed <see cref="RegionalFigure"/> rows: the sums for a scope (the prefecture, a grouping, a
/// municipality with its wards) and one measure per municipality (the map, comparisons). Writers keep the rows current;
/// readers never compute from participation records.
/// </summary>
public static class RegionalFigures
{
    /// <summary>The codes whose rows make up a municipality's figures: its own and, for a designated city, its wards'.</summary>
    public static IReadOnlyList<string> CodesOf(Municipality municipality)
    {
        ArgumentNullException.ThrowIfNull(municipality);
        return [municipality.Code, .. municipality.Wards.Select(w => w.Code)];
    }

    /// <summary>
    /// The sums of the given measures over the given municipalities' rows; null codes = the whole prefecture, figures
    /// that belong to no municipality included.
    /// </summary>
    public static async Task<IReadOnlyList<FigureSum>> SumAsync(AppDbContext db, IReadOnlyCollection<string>? municipalityCodes,
        IReadOnlyCollection<string> measures, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = db.RegionalFigures.AsNoTracking().Where(f => measures.Contains(f.Measure));
        if (municipalityCodes is not null) rows = rows.Where(f => municipalityCodes.Contains(f.MunicipalityCode));
        return await rows
            .GroupBy(f => new { f.Measure, f.Key, f.Quarter })
            .Select(g => new FigureSum(g.Key.Measure, g.Key.Key, g.Key.Quarter, g.Sum(f => f.Value)))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Participants per municipality code (wards separately) and quarter: hours and activities of a quarter that rest on
    /// 1–4 of them are not shown publicly (<see cref="Dashboards.DashboardFigures.ActivityOf(string, int)"/>).
    /// </summary>
    public static async Task<IReadOnlyDictionary<(string Code, int Quarter), decimal>> ParticipantsByQuarterAsync(AppDbContext db,
        IReadOnlyCollection<string>? municipalityCodes, int? fromQuarter, int? toQuarter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = db.RegionalFigures.AsNoTracking().Where(f => f.Measure == Dashboards.RegionalMeasures.Participants && f.Key == "");
        if (municipalityCodes is not null) rows = rows.Where(f => municipalityCodes.Contains(f.MunicipalityCode));
        if (fromQuarter is { } from) rows = rows.Where(f => f.Quarter >= from);
        if (toQuarter is { } to) rows = rows.Where(f => f.Quarter <= to);
        return await rows.ToDictionaryAsync(f => (f.MunicipalityCode, f.Quarter), f => f.Value, cancellationToken);
    }

    /// <summary>One measure and key per municipality code (wards separately), summed over the quarters from..to (both included; <see cref="RegionalFigure.AllTime"/> for figures not by quarter).</summary>
    public static async Task<IReadOnlyDictionary<string, decimal>> ByMunicipalityAsync(AppDbContext db, string measure, string key,
        int fromQuarter, int toQuarter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.RegionalFigures.AsNoTracking()
            .Where(f => f.Measure == measure && f.Key == key && f.Quarter >= fromQuarter && f.Quarter <= toQuarter)
            .GroupBy(f => f.MunicipalityCode)
            .Select(g => new { Code = g.Key, Value = g.Sum(f => f.Value) })
            .ToDictionaryAsync(x => x.Code, x => x.Value, cancellationToken);
    }
}
