namespace Tsunagari.Features.ImpactEvaluation.Indicators;

/// <summary>The addresses of the indicator and snapshot pages (and of the model they belong to).</summary>
public static class IndicatorLinks
{
    public const string MessageKey = "ImpactIndicatorMessage";

    public static string Model(Guid modelId) => $"/impact/models/{modelId}";

    public static string List(Guid modelId) => $"/impact/models/{modelId}/indicators";

    public static string New(Guid modelId) => $"/impact/models/{modelId}/indicators/new";

    public static string Indicator(Guid modelId, Guid indicatorId) => $"/impact/models/{modelId}/indicators/{indicatorId}";

    public static string Edit(Guid modelId, Guid indicatorId) => $"/impact/models/{modelId}/indicators/{indicatorId}/edit";

    public static string Evidence(Guid modelId, Guid indicatorId, Guid measurementId) =>
        $"/impact/models/{modelId}/indicators/{indicatorId}/measurements/{measurementId}/evidence";

    public static string Snapshots(Guid modelId) => $"/impact/models/{modelId}/snapshots";
}
