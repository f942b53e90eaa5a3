namespace Tsunagari.Features.ImpactEvaluation.Indicators;

/// <summary>The addresses of an indicator's pages (the model's own are in <see cref="LogicModels.ModelUrls"/>).</summary>
public static class IndicatorLinks
{
    public const string MessageKey = "ImpactIndicatorMessage";

    public static string New(Guid modelId) => $"/impact/models/{modelId}/indicators/new";

    public static string Indicator(Guid modelId, Guid indicatorId) => $"/impact/models/{modelId}/indicators/{indicatorId}";

    public static string Edit(Guid modelId, Guid indicatorId) => $"/impact/models/{modelId}/indicators/{indicatorId}/edit";

    public static string Evidence(Guid modelId, Guid indicatorId, Guid measurementId) =>
        $"/impact/models/{modelId}/indicators/{indicatorId}/measurements/{measurementId}/evidence";
}
