using Microsoft.EntityFrameworkCore;
using Tsunagari.Data;

namespace Tsunagari.Features.ImpactEvaluation.Indicators;

/// <summary>One value of an indicator as of a date; <see cref="Respondents"/> for a survey's.</summary>
public sealed record IndicatorPoint(DateOnly Date, decimal Value, int? Respondents = null);

/// <summary>
/// An indicator with what it measures, its baseline and targets, its actual values over time (earliest first) and how
/// far it has come: <see cref="Current"/> is the latest actual, <see cref="Target"/> the target in force (the first not
/// yet due, or the last one once all are due) and <see cref="Progress"/> the share of the way from the baseline (zero
/// when there is none, for an increase) to that target the current value has covered: 1 is reached, above 1 exceeded,
/// below 0 moved the wrong way. Null when it cannot be said (no actual, no target, the target equal to the start, or a
/// decrease without a baseline).
/// </summary>
public sealed record IndicatorProgress(
    Indicator Indicator,
    LogicModelElement Element,
    IReadOnlyList<IndicatorPoint> Actuals,
    IndicatorPoint? Current,
    IndicatorTarget? Target,
    decimal? Progress)
{
    public decimal? Baseline => Indicator.Baseline;

    public IReadOnlyList<IndicatorTarget> Targets => Indicator.Targets;

    /// <summary>A row of the targets-and-actuals table: a date with the target and the actual on it, if any.</summary>
    public sealed record SeriesRow(DateOnly Date, decimal? Target, decimal? Actual);

    /// <summary>Every date with a target or an actual, earliest first.</summary>
    public IEnumerable<SeriesRow> Series =>
        Targets.Select(t => t.Date).Concat(Actuals.Select(a => a.Date)).Distinct().Order()
            .Select(d => new SeriesRow(d, Targets.FirstOrDefault(t => t.Date == d)?.Value, Actuals.LastOrDefault(a => a.Date == d)?.Value));

    /// <summary>Whether the current value meets the target in force, in the indicator's direction.</summary>
    public bool? Met => Current is null || Target is null ? null
        : Indicator.Direction == IndicatorDirection.Increase ? Current.Value >= Target.Value : Current.Value <= Target.Value;
}

/// <summary>
/// The actual values of a model's indicators. A platform indicator's value at a date is computed by
/// <see cref="PlatformMeasures"/> cumulatively from the model's <see cref="LogicModel.PeriodStart"/> to that date: at each
/// target date already passed and at today (or at <see cref="LogicModel.PeriodEnd"/> once it has passed). A manual or
/// survey indicator's values are its measurements by date.
/// </summary>
public sealed class IndicatorValues(AppDbContext db, PlatformMeasures measures)
{
    /// <summary>
    /// Every indicator of the model (or the one asked for), in the order of the model's columns and elements, then by
    /// name. <paramref name="model"/> needs its elements.
    /// </summary>
    public async Task<IReadOnlyList<IndicatorProgress>> ReadAsync(LogicModel model, DateOnly today, CancellationToken cancellationToken, Guid? indicatorId = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var indicators = await db.Indicators.AsNoTracking()
            .Where(i => i.LogicModelId == model.Id && (indicatorId == null || i.Id == indicatorId))
            .ToListAsync(cancellationToken);
        var ids = indicators.Select(i => i.Id).ToList();
        var measured = await db.Measurements.AsNoTracking().Where(m => ids.Contains(m.IndicatorId))
            .Select(m => new { m.IndicatorId, m.Date, m.Value, m.Respondents, m.RecordedAt })
            .ToListAsync(cancellationToken);
        var byIndicator = measured.OrderBy(m => m.Date).ThenBy(m => m.RecordedAt).ToLookup(m => m.IndicatorId, m => new IndicatorPoint(m.Date, m.Value, m.Respondents));
        var elements = model.Elements.ToDictionary(e => e.Id);

        var result = new List<IndicatorProgress>(indicators.Count);
        foreach (var indicator in indicators.Where(i => elements.ContainsKey(i.ElementId))
            .OrderBy(i => elements[i.ElementId].Kind).ThenBy(i => elements[i.ElementId].Order).ThenBy(i => i.Name, StringComparer.Ordinal))
        {
            var actuals = indicator.Source == IndicatorSource.Platform
                ? await PlatformSeriesAsync(model, indicator, today, cancellationToken)
                : byIndicator[indicator.Id].ToList();
            result.Add(Progress(indicator, elements[indicator.ElementId], actuals, today));
        }
        return result;
    }

    /// <summary>The dates a platform indicator is computed at: the passed target dates within the period, and today or the period's end.</summary>
    public static IReadOnlyList<DateOnly> PlatformDates(LogicModel model, Indicator indicator, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(indicator);
        var last = today < model.PeriodEnd ? today : model.PeriodEnd;
        if (last < model.PeriodStart) return [];
        return indicator.Targets.Select(t => t.Date).Where(d => d >= model.PeriodStart && d < last).Append(last).Distinct().Order().ToList();
    }

    private async Task<List<IndicatorPoint>> PlatformSeriesAsync(LogicModel model, Indicator indicator, DateOnly today, CancellationToken cancellationToken)
    {
        var points = new List<IndicatorPoint>();
        if (indicator.Measure is not { } measure) return points;
        foreach (var date in PlatformDates(model, indicator, today))
            points.Add(new(date, await measures.ComputeAsync(model.OrganizationId, measure, indicator.Stage, model.PeriodStart, date, cancellationToken)));
        return points;
    }

    /// <summary>The current value, the target in force and the progress toward it, as <see cref="IndicatorProgress"/> defines them.</summary>
    public static IndicatorProgress Progress(Indicator indicator, LogicModelElement element, IReadOnlyList<IndicatorPoint> actuals, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(actuals);
        var current = actuals.Count > 0 ? actuals[^1] : null;
        var target = indicator.Targets.OrderBy(t => t.Date).FirstOrDefault(t => t.Date >= today) ?? indicator.Targets.OrderBy(t => t.Date).LastOrDefault();
        decimal? progress = null;
        if (current is not null && target is not null && (indicator.Baseline is not null || indicator.Direction == IndicatorDirection.Increase))
        {
            var start = indicator.Baseline ?? 0m;
            if (target.Value != start) progress = (current.Value - start) / (target.Value - start);
        }
        return new(indicator, element, actuals, current, target, progress);
    }
}
