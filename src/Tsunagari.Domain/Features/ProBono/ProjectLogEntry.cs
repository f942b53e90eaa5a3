namespace Tsunagari.Features.ProBono;

/// <summary>A line of a project's log: a note, or a decision the team and the organization took together.</summary>
public sealed class ProjectLogEntry
{
    public const int MaxTextLength = 2000;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid ProjectId { get; private set; }
    public ProjectLogKind Kind { get; private set; }
    public string Text { get; private set; } = "";

    /// <summary>Null once the author's account is deleted: the log stays, unsigned.</summary>
    public Guid? AuthorId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    private ProjectLogEntry() { }

    public ProjectLogEntry(Guid projectId, ProjectLogKind kind, string text, Guid authorId, DateTimeOffset now)
    {
        ProjectId = projectId;
        Kind = kind;
        Text = text.Trim();
        AuthorId = authorId;
        CreatedAt = now;
    }
}

public enum ProjectLogKind
{
    Note = 1,
    Decision = 2,
}
