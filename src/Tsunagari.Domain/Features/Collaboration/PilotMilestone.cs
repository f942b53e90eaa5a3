namespace Tsunagari.Features.Collaboration;

/// <summary>A milestone of a pilot, with its due date and the day it was reached.</summary>
public sealed class PilotMilestone
{
    public const int MaxTitleLength = 200;
    public const int MaxPerPilot = 30;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid PilotId { get; private set; }
    public string Title { get; private set; } = "";
    public DateOnly DueOn { get; private set; }
    public DateOnly? ReachedOn { get; private set; }

    private PilotMilestone() { }

    public PilotMilestone(Guid pilotId, string title, DateOnly dueOn)
    {
        PilotId = pilotId;
        Title = title.Trim();
        DueOn = dueOn;
    }

    public void Reach(DateOnly on) => ReachedOn = on;

    public void Reopen() => ReachedOn = null;
}
