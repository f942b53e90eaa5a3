namespace Tsunagari.Features.ProBono;

/// <summary>
/// A completed project the organization agreed to show in the public case library (事例集), with the summary its admin
/// wrote. The consent is this row: withdrawing it deletes the row, and the case is gone from the library at once. The
/// library shows the team's size and roles, never the professionals' names.
/// </summary>
public sealed class ProBonoCase
{
    public const int MaxTextLength = 800;

    /// <summary>The project's id: a project is published at most once.</summary>
    public Guid ProjectId { get; private set; }

    /// <summary>What the problem was, what the team made, and what came of it.</summary>
    public string Problem { get; private set; } = "";

    public string Made { get; private set; } = "";
    public string Result { get; private set; } = "";

    /// <summary>Whether the deliverables kept as links are shown on the public page (files never are).</summary>
    public bool ShowLinks { get; private set; }

    /// <summary>The admin who gave the consent; null once their account is deleted (the organization's consent stands).</summary>
    public Guid? ConsentedBy { get; private set; }

    public DateTimeOffset PublishedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    private ProBonoCase() { }

    public ProBonoCase(ProBonoProject project, string problem, string made, string result, bool showLinks, Guid consentedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(project);
        ProjectId = project.Id;
        PublishedAt = now;
        Edit(project, problem, made, result, showLinks, consentedBy, now);
    }

    public void Edit(ProBonoProject project, string problem, string made, string result, bool showLinks, Guid consentedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(project);
        if (project.Status != ProjectStatus.Completed) throw new InvalidOperationException("Only a completed project is published as a case.");
        if (new[] { problem, made, result }.Any(t => string.IsNullOrWhiteSpace(t) || t.Trim().Length > MaxTextLength))
            throw new ArgumentException($"Each part of the summary has 1 to {MaxTextLength} characters.");
        Problem = problem.Trim();
        Made = made.Trim();
        Result = result.Trim();
        ShowLinks = showLinks;
        ConsentedBy = consentedBy;
        UpdatedAt = now;
    }
}
