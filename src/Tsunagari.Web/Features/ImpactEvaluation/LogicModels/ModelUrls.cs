namespace Tsunagari.Features.ImpactEvaluation.LogicModels;

/// <summary>The addresses of a logic model's pages (the brief's URL scheme), so that pages link to each other by name.</summary>
public static class ModelUrls
{
    public const string List = "/impact";

    public static string New(Guid? organizationId = null) => organizationId is { } id ? $"/impact/models/new?organizationId={id}" : "/impact/models/new";

    public static string Hub(Guid id) => $"/impact/models/{id}";

    public static string Edit(Guid id) => $"/impact/models/{id}/edit";

    public static string Indicators(Guid id) => $"/impact/models/{id}/indicators";

    public static string Snapshots(Guid id) => $"/impact/models/{id}/snapshots";

    public static string Sroi(Guid id) => $"/impact/models/{id}/sroi";

    public static string Report(Guid id) => $"/impact/models/{id}/report";

    /// <summary>The report's shared link (anyone holding it reads the report).</summary>
    public static string SharedReport(string token) => $"/impact/reports/{Uri.EscapeDataString(token)}";
}
