namespace Tsunagari.Features.ProBono.Projects;

public static class ProjectLinks
{
    public static string Project(Guid id) => $"/probono/projects/{id}";

    public static string Evaluation(Guid id) => $"/probono/projects/{id}/evaluation";
}
