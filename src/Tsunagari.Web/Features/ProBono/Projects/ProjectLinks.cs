namespace Tsunagari.Features.ProBono.Projects;

public static class ProjectLinks
{
    public static string Project(Guid id) => $"/probono/projects/{id}";

    public static string Calendar(Guid id) => $"/probono/projects/{id}/calendar.ics";
}
