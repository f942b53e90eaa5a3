using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;

namespace Tsunagari.Features.ImpactEvaluation.Indicators;

/// <summary>
/// What a frozen evaluation (<see cref="EvaluationSnapshot.Content"/>) holds, as JSON: the date it was taken as of, every
/// indicator as it stood (its name, the text of the element it measures, unit, direction, baseline, the target in force
/// and the latest actual), and the SROI figures when the model's impact map could be calculated. Names and texts are
/// copied, not referred to, so that later edits, deletions or new records never change a frozen evaluation.
/// </summary>
public sealed record SnapshotContent(int Version, DateOnly AsOf, IReadOnlyList<SnapshotIndicator> Indicators, SnapshotSroi? Sroi)
{
    public const int CurrentVersion = 1;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public string Serialize() => JsonSerializer.Serialize(this, Json);

    /// <summary>The content of a snapshot; an empty one for text that is not such a document (nothing is ever thrown at a page).</summary>
    public static SnapshotContent Read(string? json)
    {
        try
        {
            var content = string.IsNullOrWhiteSpace(json) ? null : JsonSerializer.Deserialize<SnapshotContent>(json, Json);
            return content is null ? Empty : content with { Indicators = content.Indicators ?? [] };
        }
        catch (JsonException)
        {
            return Empty;
        }
    }

    private static SnapshotContent Empty => new(CurrentVersion, default, [], null);

    /// <summary>The evaluation as of <paramref name="today"/>: the indicators' progress and, if the impact map is valid, its SROI.</summary>
    public static async Task<SnapshotContent> TakeAsync(AppDbContext db, IndicatorValues values, LogicModel model, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(model);
        var indicators = (await values.ReadAsync(model, today, cancellationToken))
            .Select(p => new SnapshotIndicator(p.Indicator.Id, p.Indicator.Name, p.Element.Text, p.Indicator.Unit, p.Indicator.Direction,
                p.Indicator.Baseline, p.Target, p.Current?.Value, p.Current?.Date))
            .ToList();
        var map = await db.ImpactMaps.AsNoTracking().Include(m => m.Outcomes).SingleOrDefaultAsync(m => m.LogicModelId == model.Id, cancellationToken);
        return new SnapshotContent(CurrentVersion, today, indicators, map is null ? null : SnapshotSroi.Of(map));
    }
}

/// <summary>One indicator as it stood when frozen.</summary>
public sealed record SnapshotIndicator(
    Guid Id, string Name, string Element, string Unit, IndicatorDirection Direction, decimal? Baseline, IndicatorTarget? Target, decimal? Actual, DateOnly? ActualDate);

/// <summary>The SROI figures of the impact map when frozen (yen, and the ratio), unrounded.</summary>
public sealed record SnapshotSroi(decimal Investment, decimal PresentValue, decimal NetPresentValue, decimal Ratio)
{
    /// <summary>The map's input to the calculator: its investment and its outcomes in their order.</summary>
    public static SroiInput Input(ImpactMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return new SroiInput(map.DiscountRate, map.Investment, map.Outcomes.OrderBy(o => o.Order)
            .Select(o => new SroiOutcome(o.Name, o.Stakeholder, o.Quantity, o.Proxy, o.DurationYears, o.Deadweight, o.Displacement, o.Attribution, o.DropOff))
            .ToList());
    }

    /// <summary>The figures, or null when <see cref="Sroi.Validate"/> refuses the map (an unfinished map is not frozen as figures).</summary>
    public static SnapshotSroi? Of(ImpactMap map)
    {
        var input = Input(map);
        if (Sroi.Validate(input).Count > 0) return null;
        var result = Sroi.Calculate(input);
        return new SnapshotSroi(input.Investment, result.PresentValue, result.NetPresentValue, result.Ratio);
    }
}
