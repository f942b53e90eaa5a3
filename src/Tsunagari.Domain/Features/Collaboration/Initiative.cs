using Tsunagari.Features.Regions;

namespace Tsunagari.Features.Collaboration;

/// <summary>
/// A local initiative or government measure (取組・施策) in the registry: who carries it (㉗ residents, ㉘ government,
/// ㉙ both), for ㉙ its stage, where it is heading, and where it sits in the seed's framework. Its type and stage change
/// only with a reason, kept in <see cref="InitiativeChange"/>.
/// </summary>
public sealed class Initiative
{
    public const int MaxTitleLength = 200;
    public const int MaxSummaryLength = 4000;
    public const int MaxOwnerNameLength = 200;
    public const int MaxReasonLength = 1000;
    public const int MaxMunicipalities = 60;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public string Title { get; private set; } = "";
    public string Summary { get; private set; } = "";
    public InitiativeOwnerKind OwnerKind { get; private set; }

    /// <summary>The department's or group's name; for an organization, its name when registered (shown if it is deleted).</summary>
    public string OwnerName { get; private set; } = "";

    /// <summary>The owning organization, whose admins manage the initiative with staff.</summary>
    public Guid? OrganizationId { get; private set; }

    /// <summary>Local government codes of the municipalities it covers; empty means the whole prefecture.</summary>
    public List<string> Municipalities { get; private set; } = [];

    /// <summary>NPO Act fields of activity (1–20).</summary>
    public List<int> Fields { get; private set; } = [];

    /// <summary>The framework's challenges ①–㉔ it addresses (each belongs to one actor).</summary>
    public List<int> Challenges { get; private set; } = [];

    /// <summary>The framework's pathways ①–㉗ it follows (each leads to one vision).</summary>
    public List<int> Pathways { get; private set; } = [];

    public InitiativeType Type { get; private set; }

    /// <summary>The stage of a ㉙ initiative; null for the other types.</summary>
    public CollaborationStage? Stage { get; private set; }

    /// <summary>Where it is heading, and by when.</summary>
    public InitiativeType? TargetType { get; private set; }

    public CollaborationStage? TargetStage { get; private set; }
    public DateOnly? TargetDate { get; private set; }

    /// <summary>The owner's self-assessment (1–4) of how far the government's role for the current type is played.</summary>
    public int? RoleAssessment { get; private set; }

    public string RoleAssessmentNote { get; private set; } = "";
    public DateTimeOffset? RoleAssessedAt { get; private set; }

    /// <summary>Set when the initiative is stopped (with a reason in its history).</summary>
    public DateTimeOffset? EndedAt { get; private set; }

    public Guid? CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    private Initiative() { }

    public Initiative(InitiativeDetails details, InitiativeType type, CollaborationStage? stage, Guid createdBy, DateTimeOffset now)
    {
        CheckPlace(type, stage);
        Type = type;
        Stage = stage;
        CreatedBy = createdBy;
        CreatedAt = now;
        Edit(details, now);
    }

    public bool IsActive => EndedAt is null;

    /// <summary>The first entry of the history: where it was registered.</summary>
    public InitiativeChange Registered(Guid by) => new(Id, null, null, Type, Stage, "", by, CreatedAt);

    public void Edit(InitiativeDetails details, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (details.Municipalities.Any(code => !LocalGovernmentCode.IsValid(code)))
            throw new ArgumentException("Municipalities are given by their local government codes.", nameof(details));
        if (details.Fields.Any(f => !FieldsOfActivity.IsDefined(f))
            || details.Challenges.Any(c => !KyojoFramework.IsChallenge(c))
            || details.Pathways.Any(p => !KyojoFramework.IsPathway(p)))
            throw new ArgumentException("A field, challenge or pathway is outside its catalogue.", nameof(details));
        if (details.TargetType is { } targetType) CheckPlace(targetType, details.TargetStage);
        else if (details.TargetStage is not null) throw new ArgumentException("A target stage needs a target type.", nameof(details));
        if (details.OwnerKind == InitiativeOwnerKind.Organization && details.OrganizationId is null)
            throw new ArgumentException("An organization's initiative names the organization.", nameof(details));
        Title = details.Title.Trim();
        Summary = details.Summary.ReplaceLineEndings("\n").Trim();
        OwnerKind = details.OwnerKind;
        OwnerName = details.OwnerName.Trim();
        OrganizationId = details.OwnerKind == InitiativeOwnerKind.Organization ? details.OrganizationId : null;
        Municipalities = details.Municipalities.Distinct().Order(StringComparer.Ordinal).ToList();
        Fields = details.Fields.Distinct().Order().ToList();
        Challenges = details.Challenges.Distinct().Order().ToList();
        Pathways = details.Pathways.Distinct().Order().ToList();
        TargetType = details.TargetType;
        TargetStage = details.TargetType is null ? null : details.TargetStage;
        TargetDate = details.TargetType is null ? null : details.TargetDate;
        UpdatedAt = now;
    }

    /// <summary>
    /// Moves the initiative to another type or stage, with the reason (required). The self-assessment was about the old
    /// type's government role, so a change of type clears it.
    /// </summary>
    public InitiativeChange Move(InitiativeType type, CollaborationStage? stage, string reason, Guid by, DateTimeOffset now)
    {
        CheckPlace(type, stage);
        var because = CheckReason(reason);
        if (!IsActive) throw new InvalidOperationException("An ended initiative is a record: it does not move.");
        if (type == Type && stage == Stage) throw new InvalidOperationException("The initiative is already there.");
        var change = new InitiativeChange(Id, Type, Stage, type, stage, because, by, now);
        if (type != Type) ClearAssessment();
        Type = type;
        Stage = stage;
        if (TargetType == type && TargetStage == stage) (TargetType, TargetStage, TargetDate) = (null, null, null);
        UpdatedAt = now;
        return change;
    }

    /// <summary>Stops the initiative (a pilot that is not continued, a measure that ended), with the reason.</summary>
    public InitiativeChange End(string reason, Guid by, DateTimeOffset now)
    {
        var because = CheckReason(reason);
        if (!IsActive) throw new InvalidOperationException("The initiative has already ended.");
        EndedAt = now;
        UpdatedAt = now;
        return new InitiativeChange(Id, Type, Stage, Type, Stage, because, by, now) { Ended = true };
    }

    /// <summary>
    /// Records a decision to continue a pilot on it: the initiative stays where it is, and the entry keeps the decision's
    /// reason, which the pilot's later decision would otherwise replace (<see cref="InitiativeChange.PilotContinued"/>).
    /// </summary>
    public InitiativeChange ContinuePilot(string reason, Guid by, DateTimeOffset now)
    {
        var because = CheckReason(reason);
        if (!IsActive) throw new InvalidOperationException("An ended initiative is a record: nothing more is written to it.");
        return new InitiativeChange(Id, Type, Stage, Type, Stage, because, by, now);
    }

    public void AssessRole(int level, string note, DateTimeOffset now)
    {
        if (level is < 1 or > 4) throw new ArgumentOutOfRangeException(nameof(level), level, "The self-assessment is 1 to 4.");
        RoleAssessment = level;
        RoleAssessmentNote = note.ReplaceLineEndings("\n").Trim();
        RoleAssessedAt = now;
        UpdatedAt = now;
    }

    /// <summary>A stage belongs to ㉙ and ㉙ always has one.</summary>
    public static bool IsPlace(InitiativeType type, CollaborationStage? stage) =>
        Enum.IsDefined(type) && (type == InitiativeType.Together ? stage is { } s && Enum.IsDefined(s) : stage is null);

    private static void CheckPlace(InitiativeType type, CollaborationStage? stage)
    {
        if (!IsPlace(type, stage)) throw new ArgumentException("Only ㉙ initiatives have a stage, and they always have one.", nameof(stage));
    }

    private static string CheckReason(string reason)
    {
        var because = (reason ?? "").ReplaceLineEndings("\n").Trim();
        if (because.Length is 0 or > MaxReasonLength) throw new ArgumentException("A change of type or stage needs a reason.", nameof(reason));
        return because;
    }

    private void ClearAssessment()
    {
        RoleAssessment = null;
        RoleAssessmentNote = "";
        RoleAssessedAt = null;
    }
}
