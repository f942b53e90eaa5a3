namespace Tsunagari.Features.Collaboration;

/// <summary>
/// A call of the trial-collaboration scheme (協働試行制度): a department posts a project it is willing to carry out with
/// the region (行政提案型), or invites residents and organizations to propose their own (市民提案型). Proposals are
/// scored with its rubric by the reviewers staff add to it.
/// </summary>
public sealed class CollaborationCall
{
    public const int MaxTitleLength = 200;
    public const int MaxTextLength = 4000;
    public const int MaxDepartmentLength = 200;
    public const int MaxPlaceLength = 200;
    public const int MaxCriteria = 10;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public CallKind Kind { get; private set; }
    public string Title { get; private set; } = "";

    /// <summary>The theme: the project itself for 行政提案型, the area proposals should address for 市民提案型.</summary>
    public string Theme { get; private set; } = "";

    public string Description { get; private set; } = "";

    /// <summary>The department posting the call (and the government side of its agreements).</summary>
    public string Department { get; private set; } = "";

    /// <summary>The largest budget, in yen, a proposal may ask for.</summary>
    public long BudgetCeiling { get; private set; }

    /// <summary>The period a pilot under this call may run in.</summary>
    public DateOnly StartsOn { get; private set; }

    public DateOnly EndsOn { get; private set; }

    /// <summary>The last day proposals may be submitted (Japan time).</summary>
    public DateOnly Deadline { get; private set; }

    /// <summary>The rubric, in order; each reviewer gives every criterion a score from 0 to its maximum.</summary>
    public List<RubricCriterion> Criteria { get; private set; } = [];

    /// <summary>The registered initiative this call belongs to, if any; adopted pilots move it.</summary>
    public Guid? InitiativeId { get; private set; }

    public CallStatus Status { get; private set; } = CallStatus.Draft;

    /// <summary>The public presentation session (公開プレゼンテーション), if one is scheduled.</summary>
    public DateTimeOffset? PresentationAt { get; private set; }

    public string PresentationPlace { get; private set; } = "";

    public Guid? CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    private CollaborationCall() { }

    public CollaborationCall(CallDetails details, Guid createdBy, DateTimeOffset now)
    {
        CreatedBy = createdBy;
        CreatedAt = now;
        Edit(details, now);
    }

    /// <summary>The rubric and terms are fixed once proposals may come in.</summary>
    public bool CanEdit => Status == CallStatus.Draft;

    public int MaxTotal => Criteria.Sum(c => c.MaxScore);

    public void Edit(CallDetails details, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (!CanEdit) throw new InvalidOperationException("An open call keeps its terms.");
        if (!Enum.IsDefined(details.Kind)) throw new ArgumentException("Unknown kind of call.", nameof(details));
        if (details.BudgetCeiling <= 0 || details.EndsOn < details.StartsOn) throw new ArgumentException("A call needs a budget and a period.", nameof(details));
        if (details.Criteria.Count is 0 or > MaxCriteria || details.Criteria.Any(c => c.MaxScore is < 1 or > RubricCriterion.MaxScoreLimit))
            throw new ArgumentException($"A rubric has 1 to {MaxCriteria} criteria, each scored up to 1–{RubricCriterion.MaxScoreLimit}.", nameof(details));
        Kind = details.Kind;
        Title = details.Title.Trim();
        Theme = details.Theme.ReplaceLineEndings("\n").Trim();
        Description = details.Description.ReplaceLineEndings("\n").Trim();
        Department = details.Department.Trim();
        BudgetCeiling = details.BudgetCeiling;
        StartsOn = details.StartsOn;
        EndsOn = details.EndsOn;
        Deadline = details.Deadline;
        Criteria = details.Criteria.Select((c, i) => new RubricCriterion(i + 1, c.Name.Trim(), c.Description.Trim(), c.MaxScore)).ToList();
        InitiativeId = details.InitiativeId;
        UpdatedAt = now;
    }

    public void Open(DateTimeOffset now) => Advance(CallStatus.Draft, CallStatus.Open, now);

    /// <summary>Closes submissions; reviewers score what came in.</summary>
    public void StartReview(DateTimeOffset now) => Advance(CallStatus.Open, CallStatus.Reviewing, now);

    /// <summary>Every proposal has its decision; the call is over.</summary>
    public void Close(DateTimeOffset now) => Advance(CallStatus.Reviewing, CallStatus.Closed, now);

    public void SchedulePresentation(DateTimeOffset at, string place, DateTimeOffset now)
    {
        if (Status is CallStatus.Draft or CallStatus.Closed) throw new InvalidOperationException("Presentations are held while the call runs.");
        PresentationAt = at;
        PresentationPlace = place.Trim();
        UpdatedAt = now;
    }

    private void Advance(CallStatus from, CallStatus to, DateTimeOffset now)
    {
        if (Status != from) throw new InvalidOperationException($"The call is {Status}, not {from}.");
        Status = to;
        UpdatedAt = now;
    }
}

/// <summary>行政提案型 (the government proposes the project) or 市民提案型 (residents and organizations propose).</summary>
public enum CallKind
{
    GovernmentProposed = 1,
    CitizenProposed = 2,
}

public enum CallStatus
{
    Draft = 1,
    Open = 2,
    Reviewing = 3,
    Closed = 4,
}

/// <summary>One criterion of a call's rubric, scored 0 to <see cref="MaxScore"/>.</summary>
public sealed record RubricCriterion(int Number, string Name, string Description, int MaxScore)
{
    public const int MaxScoreLimit = 100;
    public const int MaxNameLength = 100;
    public const int MaxDescriptionLength = 500;
}

public sealed record CallDetails(
    CallKind Kind,
    string Title,
    string Theme,
    string Description,
    string Department,
    long BudgetCeiling,
    DateOnly StartsOn,
    DateOnly EndsOn,
    DateOnly Deadline,
    IReadOnlyList<RubricCriterion> Criteria,
    Guid? InitiativeId);
