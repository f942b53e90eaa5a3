using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;
using Tsunagari.Features.Engagement.Journeys;
using Tsunagari.Features.Regions;

namespace Tsunagari.Features.Insights.Map;

/// <summary>How a tile's figure may be shown.</summary>
public enum TileState
{
    Shown,

    /// <summary>A count of 1–4 people (or a rate resting on one): 「非公開」.</summary>
    Suppressed,

    /// <summary>Per 1,000 residents without a registered population: 「人口未登録」.</summary>
    NoPopulation,
}

/// <summary>A tile's figure: the count over the period, the population it is divided by, and the value drawn.</summary>
public sealed record TileFigure(Tile Tile, TileState State, decimal? Count, long? Population, decimal? Value, MapClass? Class);

/// <summary>The population behind the figures per 1,000 residents: its sources and dates, shown beside the figures.</summary>
public sealed record PopulationSource(string Source, DateOnly AsOf);

/// <summary>
/// The figures of one measure per tile for a period: a designated city's tile sums its own rows and its wards'. People
/// counts of 1–4 are suppressed (as on the dashboards, <see cref="Indicators.MinimumCount"/>), and so is the rate per
/// 1,000 residents resting on them. Classes are computed over the values shown only.
/// </summary>
public static class MapFigures
{
    public static async Task<(IReadOnlyList<TileFigure> Figures, IReadOnlyList<MapClass> Classes, IReadOnlyList<PopulationSource> Sources)> ComputeAsync(
        AppDbContext db, IReadOnlyList<Tile> tiles, MapMeasure measure, int fromQuarter, int toQuarter, bool perThousand, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(tiles);
        ArgumentNullException.ThrowIfNull(measure);
        var counts = await RegionalFigures.ByMunicipalityAsync(db, measure.Measure, measure.Key, fromQuarter, toQuarter, cancellationToken);
        var participants = Dashboards.RegionalMeasures.RestsOnParticipants(measure.Measure)
            ? await RegionalFigures.ParticipantsByQuarterAsync(db, null, fromQuarter, toQuarter, cancellationToken)
            : null;
        var populations = await db.MunicipalityPopulations.AsNoTracking().ToDictionaryAsync(p => p.MunicipalityCode, cancellationToken);
        var figures = tiles.Select(t => RestsOnFewPeople(t, participants, fromQuarter, toQuarter)
            ? new TileFigure(t, TileState.Suppressed, null, PopulationOf(t.Municipality, populations), null, null)
            : Figure(t, counts, populations, measure, perThousand)).ToList();
        var classes = MapClasses.Of(figures.Where(f => f.State == TileState.Shown).Select(f => f.Value!.Value));
        var sources = perThousand
            ? tiles.SelectMany(t => RegionalFigures.CodesOf(t.Municipality)).Select(populations.GetValueOrDefault).OfType<MunicipalityPopulation>()
                .Select(p => new PopulationSource(p.Source, p.AsOf)).Distinct().OrderBy(s => s.AsOf).ThenBy(s => s.Source, StringComparer.Ordinal).ToList()
            : [];
        return ([.. figures.Select(f => f.State == TileState.Shown ? f with { Class = MapClasses.ClassOf(classes, f.Value!.Value) } : f)], classes, sources);
    }

    private static TileFigure Figure(Tile tile, IReadOnlyDictionary<string, decimal> counts, IReadOnlyDictionary<string, MunicipalityPopulation> populations,
        MapMeasure measure, bool perThousand)
    {
        var count = RegionalFigures.CodesOf(tile.Municipality).Sum(c => counts.GetValueOrDefault(c));
        var population = PopulationOf(tile.Municipality, populations);
        if (IsSmall(measure, count)) return new TileFigure(tile, TileState.Suppressed, null, population, null, null);
        if (!perThousand) return new TileFigure(tile, TileState.Shown, count, population, count, null);
        if (MunicipalityPopulation.PerThousand(count, population ?? 0) is not { } rate)
            return new TileFigure(tile, TileState.NoPopulation, count, population, null, null);
        return new TileFigure(tile, TileState.Shown, count, population, rate, null);
    }

    /// <summary>Whether a tile's hours or activities rest on 1–4 participants in any quarter of the period (as on the dashboards).</summary>
    private static bool RestsOnFewPeople(Tile tile, IReadOnlyDictionary<(string Code, int Quarter), decimal>? participants, int fromQuarter, int toQuarter) =>
        participants is not null && RegionalFigure.Quarters(fromQuarter, toQuarter).Any(q =>
            Dashboards.DashboardFigures.Hide(RegionalFigures.CodesOf(tile.Municipality).Sum(c => participants.GetValueOrDefault((c, q)))) is null);

    /// <summary>Public figures hide counts of 1–4 people (0 is shown).</summary>
    public static bool IsSmall(MapMeasure measure, decimal count)
    {
        ArgumentNullException.ThrowIfNull(measure);
        return measure.CountsPeople && count > 0 && count < Indicators.MinimumCount;
    }

    /// <summary>A municipality's population: its own row, or for a designated city the sum of its wards' when every ward has one.</summary>
    public static long? PopulationOf(Municipality municipality, IReadOnlyDictionary<string, MunicipalityPopulation> populations)
    {
        ArgumentNullException.ThrowIfNull(municipality);
        ArgumentNullException.ThrowIfNull(populations);
        if (populations.TryGetValue(municipality.Code, out var own)) return own.Population;
        if (municipality.Wards.Count == 0 || !municipality.Wards.All(w => populations.ContainsKey(w.Code))) return null;
        return municipality.Wards.Sum(w => (long)populations[w.Code].Population);
    }
}
