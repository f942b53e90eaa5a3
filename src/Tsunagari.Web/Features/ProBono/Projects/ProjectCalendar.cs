using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Tsunagari.Features.ProBono.Projects;

/// <summary>A project's phases as iCalendar all-day events, from the phase's start to its due date (the milestone).</summary>
public static class ProjectCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static string Serialize(ProBonoProject project, Func<ProjectPhaseKind, string> phaseName, string url)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(phaseName);
        var calendar = new Calendar { ProductId = "-//Tsunagari//ProBono//JA" };
        foreach (var phase in project.Phases.OrderBy(p => p.Kind))
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{project.Id:N}-{(int)phase.Kind}@tsunagari",
                Summary = $"{phaseName(phase.Kind)}: {project.Title}",
                // All-day: DTEND is the day after the last day (RFC 5545).
                DtStart = new CalDateTime(phase.StartsOn),
                DtEnd = new CalDateTime(phase.DueOn.AddDays(1)),
                DtStamp = new CalDateTime(project.CreatedAt.UtcDateTime, "UTC"),
                Url = new Uri(url),
            });
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
