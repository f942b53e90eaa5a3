namespace Tsunagari.Features.ImpactEvaluation;

/// <summary>
/// A logic model (ロジックモデル): how an organization's inputs and activities lead through outputs and outcomes to the
/// impact it seeks, as elements joined by arrows. It is also the evaluation: its indicators, measurements, frozen
/// snapshots, SROI impact map and report all hang from it.
/// </summary>
public sealed class LogicModel
{
    public const int MaxTitleLength = 200;
    public const int MaxTextLength = 4000;
    public const int MaxElements = 100;
    public const int MaxLinks = 300;

    public Guid Id { get; private set; } = Guid.NewGuid();

    /// <summary>The organization that owns and edits it, whatever its subject.</summary>
    public Guid OrganizationId { get; private set; }

    public LogicModelSubject Subject { get; set; }

    /// <summary>The collaboration pilot it evaluates, when <see cref="Subject"/> is a pilot.</summary>
    public Guid? PilotId { get; set; }

    public string Title { get; set; } = "";

    /// <summary>The purpose and the problem it addresses (a narrative section of the report).</summary>
    public string Purpose { get; set; } = "";

    /// <summary>What was found (narrative section of the report).</summary>
    public string Findings { get; set; } = "";

    /// <summary>What will change next (narrative section of the report).</summary>
    public string NextSteps { get; set; } = "";

    /// <summary>The evaluation period: platform data for indicators is counted from its start.</summary>
    public DateOnly PeriodStart { get; set; }

    public DateOnly PeriodEnd { get; set; }

    /// <summary>The template it was built from, if any (a key of the template list).</summary>
    public string? TemplateKey { get; private set; }

    /// <summary>
    /// A random token for the read-only report link the organization shares (with funders, say); null while not shared.
    /// Revoking sets it to null, so an old link stops working.
    /// </summary>
    public string? ShareToken { get; private set; }

    public Guid? CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public List<LogicModelElement> Elements { get; private set; } = [];
    public List<LogicModelLink> Links { get; private set; } = [];

    private LogicModel() { }

    public LogicModel(Guid organizationId, string title, DateOnly periodStart, DateOnly periodEnd, Guid createdBy, DateTimeOffset now, string? templateKey = null)
    {
        OrganizationId = organizationId;
        Subject = LogicModelSubject.Organization;
        Title = title;
        PeriodStart = periodStart;
        PeriodEnd = periodEnd;
        CreatedBy = createdBy;
        CreatedAt = UpdatedAt = now;
        TemplateKey = templateKey;
    }

    public LogicModelElement AddElement(ElementKind kind, string text)
    {
        if (Elements.Count >= MaxElements) throw new InvalidOperationException("A logic model has at most " + MaxElements + " elements.");
        var element = new LogicModelElement(Id, kind, text, Elements.Where(e => e.Kind == kind).Select(e => e.Order).DefaultIfEmpty(0).Max() + 1);
        Elements.Add(element);
        return element;
    }

    /// <summary>Removes the element and every arrow to or from it (its indicators go with it in the database).</summary>
    public void RemoveElement(Guid elementId)
    {
        Elements.RemoveAll(e => e.Id == elementId);
        Links.RemoveAll(l => l.FromId == elementId || l.ToId == elementId);
    }

    /// <summary>Why an arrow from one element to another cannot be drawn, or null when it can.</summary>
    public LinkProblem? CheckLink(Guid fromId, Guid toId)
    {
        if (!Elements.Exists(e => e.Id == fromId) || !Elements.Exists(e => e.Id == toId)) return LinkProblem.UnknownElement;
        if (fromId == toId) return LinkProblem.SelfLink;
        if (Links.Exists(l => l.FromId == fromId && l.ToId == toId)) return LinkProblem.Duplicate;
        if (Links.Count >= MaxLinks) return LinkProblem.TooMany;
        return Reaches(toId, fromId) ? LinkProblem.Cycle : null;
    }

    public LogicModelLink AddLink(Guid fromId, Guid toId)
    {
        if (CheckLink(fromId, toId) is { } problem) throw new InvalidOperationException("The arrow cannot be drawn: " + problem + ".");
        var link = new LogicModelLink(Id, fromId, toId);
        Links.Add(link);
        return link;
    }

    public void RemoveLink(Guid fromId, Guid toId) => Links.RemoveAll(l => l.FromId == fromId && l.ToId == toId);

    /// <summary>Whether following the arrows from <paramref name="start"/> leads to <paramref name="target"/>.</summary>
    public bool Reaches(Guid start, Guid target)
    {
        var seen = new HashSet<Guid> { start };
        var next = new Stack<Guid>([start]);
        while (next.TryPop(out var id))
        {
            if (id == target) return true;
            foreach (var link in Links)
                if (link.FromId == id && seen.Add(link.ToId)) next.Push(link.ToId);
        }
        return false;
    }

    /// <summary>Shares the report under a new random token (a new link each time: an old one stops working).</summary>
    public string Share()
    {
        ShareToken = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
        return ShareToken;
    }

    public void StopSharing() => ShareToken = null;
}

/// <summary>What a logic model is about; it is always owned by an organization.</summary>
public enum LogicModelSubject
{
    Organization = 1,
    Project = 2,
    Programme = 3,
    CollaborationPilot = 4,
}

/// <summary>The columns of a logic model, left to right.</summary>
public enum ElementKind
{
    Input = 1,
    Activity = 2,
    Output = 3,
    ShortTermOutcome = 4,
    MediumTermOutcome = 5,
    LongTermOutcome = 6,
    Impact = 7,
}

public static class ElementKinds
{
    /// <summary>Outputs and outcomes can have indicators; inputs, activities and the impact are described, not measured.</summary>
    public static bool IsMeasurable(this ElementKind kind) => kind is >= ElementKind.Output and <= ElementKind.LongTermOutcome;
}

public enum LinkProblem
{
    UnknownElement = 1,
    SelfLink = 2,
    Duplicate = 3,
    Cycle = 4,
    TooMany = 5,
}

/// <summary>One box of a logic model.</summary>
public sealed class LogicModelElement
{
    public const int MaxTextLength = 500;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid LogicModelId { get; private set; }
    public ElementKind Kind { get; private set; }
    public string Text { get; set; } = "";

    /// <summary>Its place within its column, from 1.</summary>
    public int Order { get; set; }

    private LogicModelElement() { }

    internal LogicModelElement(Guid logicModelId, ElementKind kind, string text, int order)
    {
        LogicModelId = logicModelId;
        Kind = kind;
        Text = text;
        Order = order;
    }
}

/// <summary>An arrow: the first element leads to the second.</summary>
public sealed class LogicModelLink
{
    public Guid LogicModelId { get; private set; }
    public Guid FromId { get; private set; }
    public Guid ToId { get; private set; }

    private LogicModelLink() { }

    internal LogicModelLink(Guid logicModelId, Guid fromId, Guid toId)
    {
        LogicModelId = logicModelId;
        FromId = fromId;
        ToId = toId;
    }
}
