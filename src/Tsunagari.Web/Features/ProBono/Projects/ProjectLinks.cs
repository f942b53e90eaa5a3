namespace Tsunagari.Features.ProBono.Projects;

public static class ProjectLinks
{
    public static string Project(Guid id) => $"/probono/projects/{id}";

    public static string Evaluation(Guid id) => $"/probono/projects/{id}/evaluation";

    public static string Deliverables(Guid id) => $"/probono/projects/{id}/deliverables";

    /// <summary>Where the organization's admin consents to publish the completed project in the case library.</summary>
    public static string Case(Guid id) => $"/probono/projects/{id}/case";
}
