using System.Collections.Concurrent;
using System.Globalization;
using Tsunagari.Features.Regions;

namespace Tsunagari.Features.Insights.Map;

/// <summary>One square of the tile grid map: a municipality (a designated city with its wards) at a row and a column.</summary>
public sealed record Tile(Municipality Municipality, int Row, int Column);

/// <summary>
/// Where each municipality's tile sits on the map. A prefecture may ship a hand-made layout
/// (<c>tile-layout-{prefecture code}.csv</c>, columns <c>code,row,column</c>, embedded in the build) that keeps the
/// municipalities' relative positions; without one, the tiles fill a square grid in code order. Layouts are read once
/// and checked: a layout that misses a municipality, names another prefecture's or puts two in one square is refused
/// at startup of the map, not drawn wrong.
/// </summary>
public static class TileLayout
{
    private static readonly ConcurrentDictionary<string, IReadOnlyList<Tile>> layouts = new(StringComparer.Ordinal);

    public static string ResourceName(string prefectureCode) => $"tile-layout-{prefectureCode}.csv";

    /// <summary>The tiles of the prefecture's municipalities (wards are in their city's tile).</summary>
    public static IReadOnlyList<Tile> For(Prefecture prefecture)
    {
        ArgumentNullException.ThrowIfNull(prefecture);
        return layouts.GetOrAdd(prefecture.Code, _ => Load(prefecture));
    }

    /// <summary>True when the prefecture has a hand-made layout rather than the grid in code order.</summary>
    public static bool IsHandMade(Prefecture prefecture)
    {
        ArgumentNullException.ThrowIfNull(prefecture);
        return typeof(TileLayout).Assembly.GetManifestResourceInfo(ResourceName(prefecture.Code)) is not null;
    }

    private static IReadOnlyList<Tile> Load(Prefecture prefecture)
    {
        using var stream = typeof(TileLayout).Assembly.GetManifestResourceStream(ResourceName(prefecture.Code));
        if (stream is null) return Grid(prefecture);
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), prefecture);
    }

    /// <summary>Rows of width √n, in code order: every municipality has a tile, though not where it lies.</summary>
    public static IReadOnlyList<Tile> Grid(Prefecture prefecture)
    {
        ArgumentNullException.ThrowIfNull(prefecture);
        var width = Math.Max(1, (int)Math.Ceiling(Math.Sqrt(prefecture.Municipalities.Count)));
        return [.. prefecture.Municipalities.OrderBy(m => m.Code, StringComparer.Ordinal).Select((m, i) => new Tile(m, i / width, i % width))];
    }

    /// <summary>Reads a layout CSV; throws <see cref="InvalidDataException"/> unless it places each municipality of the prefecture once, one per square.</summary>
    public static IReadOnlyList<Tile> Parse(string csv, Prefecture prefecture)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(prefecture);
        var byCode = prefecture.Municipalities.ToDictionary(m => m.Code, StringComparer.Ordinal);
        var tiles = new List<Tile>();
        var squares = new HashSet<(int, int)>();
        foreach (var line in csv.Split('\n').Skip(1).Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            var cells = line.Split(',');
            if (cells.Length != 3
                || !byCode.TryGetValue(cells[0], out var municipality)
                || !int.TryParse(cells[1], NumberStyles.None, CultureInfo.InvariantCulture, out var row)
                || !int.TryParse(cells[2], NumberStyles.None, CultureInfo.InvariantCulture, out var column))
                throw new InvalidDataException($"Tile layout line \"{line}\" is not code,row,column of a municipality of {prefecture.Code}.");
            if (!squares.Add((row, column)))
                throw new InvalidDataException($"Tile layout puts two municipalities at row {row}, column {column}.");
            if (tiles.Any(t => t.Municipality.Code == municipality.Code))
                throw new InvalidDataException($"Tile layout places {municipality.Code} twice.");
            tiles.Add(new Tile(municipality, row, column));
        }
        var missing = byCode.Keys.Except(tiles.Select(t => t.Municipality.Code), StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
            throw new InvalidDataException($"Tile layout of {prefecture.Code} misses {string.Join(", ", missing)}.");
        return tiles;
    }

    /// <summary>The name on a tile: without 市・町・村 (南房総, 九十九里), which the table beside the map gives in full.</summary>
    public static string ShortName(Municipality municipality)
    {
        ArgumentNullException.ThrowIfNull(municipality);
        var name = municipality.Name;
        return name.Length > 2 && municipality.Kind is not MunicipalityKind.Ward ? name[..^1] : name;
    }
}
