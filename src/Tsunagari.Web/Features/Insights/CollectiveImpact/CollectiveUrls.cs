namespace Tsunagari.Features.Insights.CollectiveImpact;

/// <summary>The addresses of the collective impact pages.</summary>
public static class CollectiveUrls
{
    public const string List = "/insights/collective-impact";
    public const string New = "/insights/collective-impact/new";

    public static string Overview(Guid id) => $"{List}/{id}";
    public static string Edit(Guid id) => $"{List}/{id}/edit";
    public static string Submissions(Guid id) => $"{List}/{id}/submissions";
    public static string Dashboard(Guid id) => $"{List}/{id}/dashboard";
    public static string Log(Guid id) => $"{List}/{id}/log";
}
