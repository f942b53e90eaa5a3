namespace Tsunagari.Features.ImpactEvaluation.SroiMaps;

/// <summary>One outcome's assumptions as the results show them (the proxy's source and the indicator its quantity came from included).</summary>
public sealed record SroiAssumption(string Stakeholder, string Name, decimal Quantity, string? IndicatorName, decimal? Proxy, string ProxySource,
    int DurationYears, decimal Deadweight, decimal Displacement, decimal Attribution, decimal DropOff);

/// <summary>
/// What <c>_SroiResults.cshtml</c> shows: the figures, the sensitivity analysis and the assumptions they come from. Built
/// by <see cref="For"/> from a saved map, so the SROI page and the report show the same thing.
/// </summary>
public sealed record SroiResultsView(
    SroiResult Result,
    Sroi.SensitivityResult Sensitivity,
    decimal Investment,
    decimal DiscountRate,
    decimal PercentStep,
    decimal ProxyStep,
    IReadOnlyList<SroiAssumption> Assumptions,
    string IdPrefix)
{
    /// <summary>The chart shows this many assumptions (largest swing first); the table shows all of them.</summary>
    public const int ChartRows = 10;

    /// <summary>A map's calculation input, its problems (none when it can be calculated), and the view when there are none.</summary>
    public sealed record Reading(SroiInput Input, IReadOnlyList<SroiAssumption> Assumptions, IReadOnlyList<SroiProblem> Problems, SroiResultsView? View);

    /// <summary>
    /// Reads a map: outcomes in their order, the investment summed from its items. <paramref name="indicatorNames"/> names
    /// the indicators outcomes took their quantity from. <paramref name="idPrefix"/> keeps element ids unique when a page
    /// shows the partial more than once.
    /// </summary>
    public static Reading For(ImpactMap map, IReadOnlyDictionary<Guid, string> indicatorNames, string idPrefix = "sroi")
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(indicatorNames);
        var outcomes = Ordered(map.Outcomes);
        var input = new SroiInput(map.DiscountRate, map.Investment,
            [.. outcomes.Select(o => new SroiOutcome(o.Name, o.Stakeholder, o.Quantity, o.Proxy, o.DurationYears, o.Deadweight, o.Displacement, o.Attribution, o.DropOff))]);
        var assumptions = outcomes.Select(o => new SroiAssumption(o.Stakeholder, o.Name, o.Quantity,
            o.IndicatorId is { } id ? indicatorNames.GetValueOrDefault(id) : null, o.Proxy, o.ProxySource, o.DurationYears,
            o.Deadweight, o.Displacement, o.Attribution, o.DropOff)).ToList();
        var problems = Sroi.Validate(input);
        var view = problems.Count > 0
            ? null
            : new SroiResultsView(Sroi.Calculate(input), Sroi.Sensitivity(input, map.PercentStep, map.ProxyStep), input.Investment,
                map.DiscountRate, map.PercentStep, map.ProxyStep, assumptions, idPrefix);
        return new(input, assumptions, problems, view);
    }

    /// <summary>The map's outcomes as they are numbered everywhere (成果1, 成果2, …): by their order, then their name.</summary>
    public static IReadOnlyList<ImpactOutcome> Ordered(IEnumerable<ImpactOutcome> outcomes) =>
        [.. outcomes.OrderBy(o => o.Order).ThenBy(o => o.Name, StringComparer.Ordinal).ThenBy(o => o.Id)];
}
