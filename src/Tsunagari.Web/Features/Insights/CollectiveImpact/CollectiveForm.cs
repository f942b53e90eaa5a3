using Microsoft.AspNetCore.Mvc.ModelBinding;
using Tsunagari.Features.Regions;

namespace Tsunagari.Features.Insights.CollectiveImpact;

/// <summary>What the shared fields partial needs from the new and edit pages: the input, the prefecture's municipalities, the errors.</summary>
public sealed record CollectiveForm(CollectiveInput Input, IReadOnlyList<Municipality> Municipalities, ModelStateDictionary State, bool ShowStatus);
