using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Tsunagari.Features.ImpactEvaluation.Indicators;

/// <summary>What the shared indicator fields partial needs from the new and edit pages.</summary>
public sealed record IndicatorForm(IndicatorInput Input, LogicModel Model, ModelStateDictionary State)
{
    /// <summary>The outputs and outcomes, in column order: only they can have indicators.</summary>
    public IEnumerable<LogicModelElement> Elements => Model.Elements.Where(e => e.Kind.IsMeasurable()).OrderBy(e => e.Kind).ThenBy(e => e.Order);
}
